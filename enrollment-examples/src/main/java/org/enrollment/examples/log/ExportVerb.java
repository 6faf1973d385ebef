package org.enrollment.examples.log;

import java.nio.file.Path;
import org.enrollment.core.audit.tlog.ExportTree;
import picocli.CommandLine.Option;

/** A {@code log} verb that reads an exported audit log ({@code --audit FILE}): checkpoint, prove, consistency, verify. */
abstract class ExportVerb extends LogVerb {

    @Option(names = "--audit", required = true, paramLabel = "FILE", description = "The exported audit log (JSON Lines).")
    Path audit;

    /** The tree of the export, or a bad {@code --audit} named. */
    ExportTree export(LogArguments args) {
        return args.export("--audit", audit);
    }
}
