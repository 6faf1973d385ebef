package org.enrollment.core.audit.tlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checkpoints a log signed, in order (已签检查点), kept in memory: what a host keeps and publishes, written as the
 * signed notes one after the other, and read back only if every one is signed by the log and the sizes only grow.
 */
public final class Checkpoints implements CheckpointStore {

    private final List<SignedNote> notes = new ArrayList<>();

    /** None yet. */
    public Checkpoints() {
    }

    /**
     * Reads checkpoints written by {@link CheckpointStore#text()}.
     *
     * @throws IllegalArgumentException naming the checkpoint that is not signed by the log or does not grow
     */
    public static Checkpoints parse(String text, VerifierKey log) {
        Checkpoints read = new Checkpoints();
        for (SignedNote note : notes(text)) {
            read.add(checked(note, log, read.notes.size()));
        }
        return read;
    }

    /** The signed notes written one after the other by {@link CheckpointStore#text()}, signatures not checked. */
    static List<SignedNote> notes(String text) {
        List<SignedNote> notes = new ArrayList<>();
        StringBuilder note = new StringBuilder();
        boolean inSignatures = false;
        for (String line : text.split("\n", -1)) {
            boolean signature = line.startsWith(SignedNote.DASH);
            if (inSignatures && !signature) {
                notes.add(SignedNote.parse(note.toString()));
                note.setLength(0);
                inSignatures = false;
            }
            if (line.isEmpty() && note.isEmpty()) {
                continue;
            }
            note.append(line).append('\n');
            inSignatures |= signature;
        }
        return notes;
    }

    private static SignedNote checked(SignedNote note, VerifierKey log, int index) {
        if (!note.verifiedBy(log)) {
            throw new IllegalArgumentException("Checkpoint " + (index + 1) + " is not signed by the log key " + log.name() + ".");
        }
        return note;
    }

    /**
     * Keeps a checkpoint; its tree may not be smaller than the last one's, and one equal to the last is not kept twice.
     *
     * @throws IllegalArgumentException when it is smaller, or of another origin
     */
    @Override
    public synchronized void add(SignedNote checkpoint) {
        if (isNew(checkpoint)) {
            notes.add(checkpoint);
        }
    }

    /**
     * Whether {@link #add} would keep the checkpoint: not when it is the last one again.
     *
     * @throws IllegalArgumentException when it cannot follow the last one (smaller, or of another origin)
     */
    synchronized boolean isNew(SignedNote checkpoint) {
        Checkpoint next = Checkpoint.of(checkpoint);
        Optional<Checkpoint> last = latest().map(Checkpoint::of);
        if (last.isPresent() && last.get().equals(next)) {
            return false;
        }
        if (last.isPresent() && (next.size() < last.get().size() || !next.origin().equals(last.get().origin()))) {
            throw new IllegalArgumentException("A checkpoint of " + next.size() + " entries of " + next.origin()
                    + " cannot follow one of " + last.get().size() + " entries of " + last.get().origin() + ".");
        }
        return true;
    }

    @Override
    public synchronized Optional<SignedNote> latest() {
        return notes.isEmpty() ? Optional.empty() : Optional.of(notes.get(notes.size() - 1));
    }

    @Override
    public synchronized List<SignedNote> all() {
        return List.copyOf(notes);
    }
}
