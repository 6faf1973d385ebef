package org.enrollment.examples.log;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code log}: the audit log as a transparency log; the verbs are its subcommands. */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = "The audit log as a transparency log: signed checkpoints, proofs, witnesses (C2SP tlog formats).",
        subcommands = {KeygenCommand.class, CheckpointCommand.class, ProveCommand.class, ConsistencyCommand.class,
            VerifyCommand.class, WitnessCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:what was checked holds", "1:it does not (what, named on standard error)", "2:an argument is wrong"})
public final class LogCommand implements Runnable {

    /** What does not hold was named. */
    static final int DOES_NOT_HOLD = 1;

    @Spec
    private CommandSpec spec;

    /** Without a verb: says which there are. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "Missing a verb: keygen, checkpoint, prove, consistency, verify, witness or check-store.");
    }
}
