package org.enrollment.core.audit.tlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * A witness of a log (见证者): what a district node, a school or an outside observer runs. It keeps, in a state
 * folder, the last checkpoint of the log it accepted; it accepts the first checkpoint on trust and a later one only
 * with a consistency proof from the one it holds, and then cosigns it ({@code cosignature/v1}). A checkpoint that
 * cannot be true together with the one held (same size and another root, a tree that is not an extension, a smaller
 * tree) is refused and both are kept in {@code evidence/} of the folder: signed by the log, they show it lied to
 * someone. One witness process per state folder.
 */
public final class Witness {

    private final Path state;
    private final VerifierKey log;
    private final SigningKey key;
    private final Clock clock;

    /**
     * A witness of the log with this key, cosigning with its own key.
     *
     * @param state the folder where it keeps what it accepted and its evidence; made if missing
     * @param log the log's verifier key (type 0x01), named after its origin
     * @param key the witness's private key
     * @param clock the time of its cosignatures
     */
    public Witness(Path state, VerifierKey log, SigningKey key, Clock clock) {
        this.state = Objects.requireNonNull(state, "state");
        this.log = Objects.requireNonNull(log, "log");
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (log.isCosigner()) {
            throw new IllegalArgumentException("The log's key is a note key (type 0x01), not a cosigner key.");
        }
    }

    /** The checkpoint the witness holds for its log, if it accepted one. */
    public Optional<SignedNote> held() {
        Path file = heldFile();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SignedNote.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the witness state " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Looks at a checkpoint of the log, with the consistency proof from the held checkpoint's size to its size.
     *
     * @param offered the signed checkpoint
     * @param proof the consistency proof, needed unless the witness holds nothing or holds this very tree
     * @return the cosigned checkpoint, or why not
     */
    public synchronized WitnessVerdict observe(SignedNote offered, Optional<ConsistencyProof> proof) {
        if (!offered.verifiedBy(log)) {
            return refused("The checkpoint is not signed by the log key " + log.name() + ".");
        }
        Checkpoint next;
        try {
            next = Checkpoint.of(offered);
        } catch (IllegalArgumentException e) {
            return refused("The checkpoint cannot be read: " + e.getMessage());
        }
        if (!next.origin().equals(log.name())) {
            return refused("The checkpoint is of the log '" + next.origin() + "', not '" + log.name() + "'.");
        }
        Optional<SignedNote> heldNote = held();
        if (heldNote.isPresent()) {
            Checkpoint held = Checkpoint.of(heldNote.get());
            Optional<WitnessVerdict> refusal = consistency(held, next, proof, heldNote.get(), offered);
            if (refusal.isPresent()) {
                return refusal.get();
            }
        }
        write(heldFile(), offered.onlySignedBy(log).text());
        return new WitnessVerdict.Accepted(offered.with(key.cosign(offered.body(), clock.instant().getEpochSecond())));
    }

    /** Nothing when {@code next} may follow {@code held}; otherwise the refusal, with evidence if they conflict. */
    private Optional<WitnessVerdict> consistency(Checkpoint held, Checkpoint next, Optional<ConsistencyProof> proof,
            SignedNote heldNote, SignedNote offered) {
        String sizes = "the witness holds " + held.size() + " entries with root " + held.root().base64()
                + ", the checkpoint has " + next.size() + " entries with root " + next.root().base64();
        if (next.size() == held.size()) {
            return next.root().equals(held.root()) ? Optional.empty()
                    : Optional.of(evidence("Split view: " + sizes + ".", heldNote, offered, proof));
        }
        if (next.size() < held.size()) {
            boolean prefix = proof.filter(p -> p.oldSize() == next.size() && p.newSize() == held.size()
                    && p.verify(next.root(), held.root())).isPresent();
            return Optional.of(prefix ? refused("The checkpoint is older than the one held: " + sizes + ".")
                    : evidence("The checkpoint is smaller than the one held and not shown to be its prefix: " + sizes
                            + ".", heldNote, offered, proof));
        }
        if (proof.isEmpty()) {
            return Optional.of(refused("A consistency proof from " + held.size() + " to " + next.size()
                    + " entries is needed: " + sizes + "."));
        }
        ConsistencyProof p = proof.get();
        if (p.oldSize() != held.size() || p.newSize() != next.size()) {
            return Optional.of(refused("The consistency proof is from " + p.oldSize() + " to " + p.newSize()
                    + " entries; one from " + held.size() + " to " + next.size() + " is needed."));
        }
        return p.verify(held.root(), next.root()) ? Optional.empty()
                : Optional.of(evidence("The checkpoint does not extend the one held (the consistency proof fails): "
                        + sizes + ".", heldNote, offered, proof));
    }

    private WitnessVerdict evidence(String reason, SignedNote held, SignedNote offered, Optional<ConsistencyProof> proof) {
        Path folder = state.resolve("evidence");
        long now = clock.millis();
        Path file = folder.resolve(fileName() + "-" + now + ".txt");
        for (int n = 1; Files.exists(file); n++) {
            file = folder.resolve(fileName() + "-" + now + "-" + n + ".txt");
        }
        String text = "# " + reason + "\n# held:\n" + held.text() + "# offered:\n" + offered.text()
                + proof.map(p -> "# consistency proof " + p.oldSize() + " -> " + p.newSize() + ":\n" + p.text()).orElse("");
        write(file, text);
        return new WitnessVerdict.Refused(reason + " Evidence kept in " + file + ".", Optional.of(file));
    }

    private static WitnessVerdict refused(String reason) {
        return new WitnessVerdict.Refused(reason, Optional.empty());
    }

    private Path heldFile() {
        return state.resolve(fileName() + ".checkpoint");
    }

    /** A file name for the origin: its safe characters and the start of its hash, so two origins never share. */
    private String fileName() {
        byte[] digest = Hash.sha256(log.name().getBytes(StandardCharsets.UTF_8));
        return log.name().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + KeyName.hex(KeyName.firstFour(digest, 0));
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".witness", ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the witness state " + file + ": " + e.getMessage(), e);
        }
    }
}
