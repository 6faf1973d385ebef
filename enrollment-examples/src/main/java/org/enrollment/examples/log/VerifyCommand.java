package org.enrollment.examples.log;

import java.io.IOException;
import java.nio.file.Path;
import org.enrollment.core.audit.tlog.Checkpoint;
import org.enrollment.core.audit.tlog.ExportTree;
import org.enrollment.core.audit.tlog.LogCheck;
import org.enrollment.core.audit.tlog.VerifierKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code log verify}: an export checked against a signed checkpoint. */
@Command(name = "verify", description = "Checks the export against a checkpoint signed by the log: its first N entries must make the root.")
final class VerifyCommand extends ExportVerb {

    @Mixin
    private CheckpointArgument checkpoint;

    @Option(names = "--vkey", required = true, paramLabel = "V", description = "The log's verifier key.")
    private Path vkey;

    @Override
    int run(LogArguments args) {
        VerifierKey log = args.verifierKey("--vkey", vkey);
        CheckpointArgument.Read read = checkpoint.read(args);
        Checkpoint cp = read.checkpoint();
        LogCheck check;
        try {
            check = ExportTree.check(audit, read.note(), log);
        } catch (IOException e) {
            throw args.unreadable("--audit", audit, e);
        }
        return check.holds()
                ? args.holds("The export's first " + cp.size() + " entries make the root of " + cp.origin()
                        + "'s signed checkpoint.\n")
                : args.doesNotHold(check.problem());
    }
}
