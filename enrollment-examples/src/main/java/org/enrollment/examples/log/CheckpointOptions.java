package org.enrollment.examples.log;

import java.nio.file.Path;
import java.util.Optional;
import org.enrollment.core.audit.tlog.Checkpoint;
import org.enrollment.core.audit.tlog.ExportTree;
import org.enrollment.core.audit.tlog.SigningKey;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --log-key K --checkpoint OUT} of {@code simulate} and {@code run}: sign the final tree of the audit export.
 * The key is read before anything runs, so that a wrong one stops the command with exit code 2.
 */
public final class CheckpointOptions {

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
        return Optional.of(args.signingKey("--log-key", logKey));
    }

    /** Writes the signed checkpoint of the whole export and says where on standard error. */
    public void write(SigningKey key, Path audit) {
        LogArguments args = new LogArguments(spec);
        ExportTree export = args.export("--audit", audit);
        Checkpoint cp = Checkpoint.of(key.name(), export.tree(), export.tree().size());
        args.write("--checkpoint", checkpoint, cp.signedBy(key).text());
        spec.commandLine().getErr().printf("Checkpoint of %,d entries signed by %s written to %s%n", cp.size(), key.name(), checkpoint);
        spec.commandLine().getErr().flush();
    }
}
