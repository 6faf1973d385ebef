package org.enrollment.examples.log;

import java.nio.file.Path;
import org.enrollment.core.audit.tlog.Checkpoint;
import org.enrollment.core.audit.tlog.SignedNote;
import picocli.CommandLine.Option;

/** The {@code --checkpoint CP} of the verbs that read a signed checkpoint ({@code prove}, {@code verify}, {@code witness}). */
final class CheckpointArgument {

    @Option(names = "--checkpoint", required = true, paramLabel = "CP", description = "The signed checkpoint.")
    private Path file;

    /**
     * The signed note in the file and the checkpoint it carries; a file that is missing, or not a signed checkpoint,
     * is a bad {@code --checkpoint} named.
     *
     * @param note the note, with its signatures
     * @param checkpoint what the note's text says: origin, size and root
     */
    record Read(SignedNote note, Checkpoint checkpoint) {
    }

    Read read(LogArguments args) {
        SignedNote note = args.note("--checkpoint", file);
        return new Read(note, args.parsed("--checkpoint", file, text -> Checkpoint.of(note)));
    }
}
