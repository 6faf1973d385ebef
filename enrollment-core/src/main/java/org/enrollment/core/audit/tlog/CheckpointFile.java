package org.enrollment.core.audit.tlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The checkpoints of a journal, kept in a file beside it (检查点文件): each one kept is appended as its signed note
 * (the text {@link CheckpointStore#text()} writes) and forced to the disk before {@link #add} returns, and the file
 * is read back when the journal opens again, so a restarted registry still holds and publishes what it signed.
 * Signatures are checked by whoever reads the checkpoints with the log's key ({@link Checkpoints#parse}), not here.
 */
public final class CheckpointFile implements CheckpointStore {

    private final Path file;
    private final Checkpoints kept = new Checkpoints();

    private CheckpointFile(Path file) {
        this.file = file;
    }

    /**
     * The checkpoints of a journal, in the file beside it (the journal's name with {@code .checkpoints} added), each
     * checked against the journal's tree: a checkpoint the entries do not make (the journal replaced, cut back or
     * rewritten since) stops the journal from opening.
     *
     * @param tree the journal's tree, as read from its entries
     * @throws IllegalStateException naming the checkpoint the journal's entries do not make
     * @see #open(Path)
     */
    public static CheckpointFile besideJournal(Path journal, LogTree tree) {
        Path file = journal.resolveSibling(journal.getFileName() + ".checkpoints");
        CheckpointFile opened = open(file);
        for (SignedNote note : opened.all()) {
            Checkpoint c = Checkpoint.of(note);
            if (c.size() > tree.size() || !c.root().equals(tree.root(c.size()))) {
                throw new IllegalStateException("The checkpoint of " + c.size() + " entries in " + file + " is not made by the "
                        + tree.size() + " entries of " + journal + ": the journal was replaced, cut back or rewritten since it was"
                        + " signed.\nMaybe keep both files as evidence, or move the checkpoints away if the journal was replaced on purpose.");
            }
        }
        return opened;
    }

    /**
     * The checkpoints in the file, none when it does not exist yet (it is made at the first one kept).
     *
     * @throws IllegalArgumentException when the file holds something other than checkpoints of one log, growing
     * @throws UncheckedIOException when it cannot be read
     */
    public static CheckpointFile open(Path file) {
        CheckpointFile opened = new CheckpointFile(Objects.requireNonNull(file, "file"));
        if (Files.exists(file)) {
            try {
                List<SignedNote> notes = Checkpoints.notes(Files.readString(file, StandardCharsets.UTF_8));
                notes.forEach(opened.kept::add);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the checkpoints " + file + ".", e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The checkpoints " + file + " do not read back: " + e.getMessage(), e);
            }
        }
        return opened;
    }

    /**
     * Keeps the checkpoint, on the disk first.
     *
     * @throws IllegalArgumentException when it cannot follow the last one (smaller, or of another origin)
     * @throws UncheckedIOException when it cannot be written: then it is not kept
     */
    @Override
    public synchronized void add(SignedNote checkpoint) {
        if (!kept.isNew(checkpoint)) {
            return;
        }
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer text = ByteBuffer.wrap(checkpoint.text().getBytes(StandardCharsets.UTF_8));
            while (text.hasRemaining()) {
                out.write(text);
            }
            out.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the checkpoint to " + file + ".", e);
        }
        kept.add(checkpoint);
    }

    @Override
    public Optional<SignedNote> latest() {
        return kept.latest();
    }

    @Override
    public List<SignedNote> all() {
        return kept.all();
    }
}
