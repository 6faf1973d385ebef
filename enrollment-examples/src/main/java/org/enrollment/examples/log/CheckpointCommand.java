package org.enrollment.examples.log;

import java.nio.file.Path;
import org.enrollment.core.audit.tlog.Checkpoint;
import org.enrollment.core.audit.tlog.ExportTree;
import org.enrollment.core.audit.tlog.SigningKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code log checkpoint}: the signed checkpoint of an export's first N entries. */
@Command(name = "checkpoint", description = "Prints the signed checkpoint (C2SP tlog-checkpoint in a signed note) of the export's first N entries.")
final class CheckpointCommand extends ExportVerb {

    @Option(names = "--key", required = true, paramLabel = "K", description = "The log's private key; its name is the origin.")
    private Path key;

    @Option(names = "--size", paramLabel = "N", description = "How many entries the tree has (default: all of the export).")
    private Long size;

    @Override
    int run(LogArguments args) {
        SigningKey logKey = args.signingKey("--key", key);
        ExportTree export = export(args);
        long entries = export.tree().size();
        long n = size == null ? entries : size;
        if (n < 0 || n > entries) {
            throw args.bad("--size " + n + ": the export " + audit + " has " + entries + " entries.");
        }
        return args.holds(Checkpoint.of(logKey.name(), export.tree(), n).signedBy(logKey).text());
    }
}
