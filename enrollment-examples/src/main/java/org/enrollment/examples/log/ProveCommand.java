package org.enrollment.examples.log;

import org.enrollment.core.audit.tlog.Checkpoint;
import org.enrollment.core.audit.tlog.ExportTree;
import org.enrollment.core.audit.tlog.LogCheck;
import org.enrollment.core.audit.tlog.TlogProof;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code log prove}: the {@code tlog-proof@v1} of an entry in a checkpoint's tree. */
@Command(name = "prove", description = "Prints the C2SP tlog-proof@v1 (.tlog-proof) of entry I (0-based) in the checkpoint's tree, "
                + "made from the export; exits 1 when the export does not make the checkpoint's tree.")
final class ProveCommand extends ExportVerb {

    @Mixin
    private CheckpointArgument checkpoint;

    @Option(names = "--index", required = true, paramLabel = "I", description = "The entry, 0-based.")
    private long index;

    @Override
    int run(LogArguments args) {
        CheckpointArgument.Read read = checkpoint.read(args);
        Checkpoint cp = read.checkpoint();
        if (index < 0 || index >= cp.size()) {
            throw args.bad("--index " + index + ": the checkpoint's tree has entries 0 to " + (cp.size() - 1) + ".");
        }
        ExportTree export = export(args);
        LogCheck made = export.startsWith(cp);
        if (!made.holds()) {
            return args.doesNotHold(made.problem());
        }
        return args.holds(TlogProof.of(export.tree().inclusionProof(index, cp.size()), read.note()).text());
    }
}
