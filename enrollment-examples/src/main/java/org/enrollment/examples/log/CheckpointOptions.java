package org.enrollment.examples.log;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.enrollment.core.audit.tlog.Checkpoint;
import org.enrollment.core.audit.tlog.ExportTree;
import org.enrollment.core.audit.tlog.LogCheck;
import org.enrollment.core.audit.tlog.SignedNote;
import org.enrollment.core.audit.tlog.SigningKey;
import org.enrollment.core.registry.Registry;
import org.enrollment.examples.EnrollmentCli;
import org.enrollment.examples.scenario.ScenarioPlayer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --log-key K --checkpoint OUT} of {@code simulate} and {@code run}: sign the final tree of the audit export.
 * The key is read before anything runs, so that a wrong one stops the command with exit code 2. A command whose
 * registry signs as it plays (built with {@code RegistryBuilder.checkpoints}, shown here when it is done:
 * {@link #played}) has the last checkpoint signed by that registry, kept with its log, and checked against the export;
 * otherwise the export's tree is signed.
 */
public final class CheckpointOptions {

    private Registry registry;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--log-key", paramLabel = "K",
            description = "Sign the final tree of the audit export with this private key (its name is the log's origin).")
    private Path logKey;

    @Option(names = "--checkpoint", paramLabel = "OUT", description = "Where to write the signed checkpoint (with --log-key and --audit).")
    private Path checkpoint;

    /** Whether a checkpoint is asked for. */
    public boolean asked() {
        return checkpoint != null || logKey != null;
    }

    /**
     * Checks that the options come together, with an audit file, and reads the key.
     *
     * @throws picocli.CommandLine.ParameterException naming the option that is missing or wrong
     */
    public Optional<SigningKey> key(Path audit) {
        if (!asked()) {
            return Optional.empty();
        }
        LogArguments args = new LogArguments(spec);
        if (logKey == null || checkpoint == null || audit == null) {
            throw args.bad("--log-key and --checkpoint go together, with --audit FILE: the export they sign.");
        }
        EnrollmentCli.writable("--checkpoint", checkpoint);
        return Optional.of(args.signingKey("--log-key", logKey));
    }

    /** The registry that played, built with the log's key: its own checkpoint is the one written. */
    public void played(Registry signing) {
        this.registry = signing;
    }

    /**
     * Writes the signed checkpoint of the whole export and says where on standard error.
     *
     * @return whether the export makes the checkpoint (always, unless it changed since it was written)
     */
    public boolean write(SigningKey key, Path audit) {
        LogArguments args = new LogArguments(spec);
        ExportTree export = args.export("--audit", audit);
        SignedNote signed = registry == null
                ? Checkpoint.of(key.name(), export.tree(), export.tree().size()).signedBy(key) : registry.checkpoint();
        LogCheck check = export.check(Checkpoint.of(signed));
        args.write("--checkpoint", checkpoint, signed.text());
        PrintWriter err = spec.commandLine().getErr();
        err.printf("Checkpoint of %,d entries signed by %s written to %s%s%n", Checkpoint.of(signed).size(), key.name(), checkpoint,
                registry == null ? "" : String.format(" (%,d checkpoints signed in all by the registry, one every %,d entries and the last)",
                        registry.checkpoints().all().size(), ScenarioPlayer.CHECKPOINT_EVERY));
        if (!check.holds()) {
            err.println("The export does not make the registry's checkpoint: " + check.problem());
        }
        err.flush();
        return check.holds();
    }
}
