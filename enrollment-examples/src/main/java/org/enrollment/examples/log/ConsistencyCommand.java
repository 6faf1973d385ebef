package org.enrollment.examples.log;

import org.enrollment.core.audit.tlog.ExportTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code log consistency}: the consistency proof between two sizes of the export's tree. */
@Command(name = "consistency", description = "Prints the RFC 6962 consistency proof from the tree of the first N entries to that of the first M, "
                + "one base64 hash a line.")
final class ConsistencyCommand extends ExportVerb {

    @Option(names = "--old", required = true, paramLabel = "N", description = "The earlier tree's size.")
    private long oldSize;

    @Option(names = "--new", required = true, paramLabel = "M", description = "The later tree's size.")
    private long newSize;

    @Override
    int run(LogArguments args) {
        ExportTree export = export(args);
        long entries = export.tree().size();
        if (oldSize < 0 || oldSize > newSize || newSize > entries) {
            throw args.bad("--old " + oldSize + " --new " + newSize + ": need 0 <= N <= M <= " + entries
                    + ", the entries of " + audit + ".");
        }
        return args.holds(export.tree().consistencyProof(oldSize, newSize).text());
    }
}
