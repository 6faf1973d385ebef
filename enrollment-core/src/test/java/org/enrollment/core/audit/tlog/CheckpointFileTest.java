package org.enrollment.core.audit.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.enrollment.core.audit.FileAuditTrail;
import org.enrollment.core.command.Register;
import org.enrollment.core.fixture.ChildIds;
import org.enrollment.core.fixture.ScenarioSeason;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.store.InMemoryRegistrationStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A journal's checkpoints outlive the process (issue 11, "keeps them"): on the disk before they count, read back on open. */
class CheckpointFileTest {

    private static final byte[] CHILD_KEY = "a child key of the test, 32 byte".getBytes(StandardCharsets.UTF_8);
    private static final SigningKey LOG_KEY = SigningKey.generate("city.example/journal-test");
    private static final Clock IN_WINDOW = Clock.fixed(Instant.parse("2014-05-06T01:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static Registry registry(InMemoryRegistrationStore store) {
        return Registry.builder(ScenarioSeason.plain(), new ReferencePolicies()).store(store).clock(IN_WINDOW).childKey(CHILD_KEY)
                .checkpoints(LOG_KEY, CheckpointSchedule.everyEntries(3)).build();
    }

    private static Register register(int n) {
        return new Register(ChildIds.eligible(ScenarioSeason.HAIDIAN, n), "王" + n, ScenarioSeason.HAIDIAN, ScenarioSeason.HAIDIAN, "HD001", null);
    }

    @Test
    void aRestartedRegistryStillHoldsEveryCheckpointItSigned() throws IOException {
        Path journal = dir.resolve("journal.jsonl");
        List<SignedNote> signed;
        try (FileAuditTrail trail = FileAuditTrail.open(journal)) {
            Registry r = registry(new InMemoryRegistrationStore(trail));
            for (int n = 1; n <= 7; n++) {
                r.handle("GUARDIAN", register(n));
            }
            r.checkpoint();
            signed = r.checkpoints().all();
        }
        assertThat(signed).extracting(n -> Checkpoint.of(n).size()).containsExactly(3L, 6L, 7L);
        Path file = journal.resolveSibling("journal.jsonl.checkpoints");
        assertThat(Checkpoints.parse(Files.readString(file), LOG_KEY.verifierKey()).all()).isEqualTo(signed);

        try (FileAuditTrail trail = FileAuditTrail.open(journal)) {
            Registry r = registry(InMemoryRegistrationStore.resumed(trail, CHILD_KEY));
            assertThat(r.checkpoints().all()).isEqualTo(signed);
            r.handle("GUARDIAN", register(8));
            r.handle("GUARDIAN", register(9));
            assertThat(r.checkpoints().all()).extracting(n -> Checkpoint.of(n).size()).containsExactly(3L, 6L, 7L, 9L);
        }
    }

    @Test
    void aJournalReplacedUnderItsCheckpointsDoesNotOpen() throws IOException {
        Path journal = dir.resolve("journal.jsonl");
        try (FileAuditTrail trail = FileAuditTrail.open(journal)) {
            Registry r = registry(new InMemoryRegistrationStore(trail));
            for (int n = 1; n <= 4; n++) {
                r.handle("GUARDIAN", register(n));
            }
        }
        Files.delete(journal);
        assertThatThrownBy(() -> FileAuditTrail.open(journal)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The checkpoint of 3 entries in " + journal + ".checkpoints is not made by the 0 entries of " + journal);
    }

    @Test
    void oneThatCannotBeWrittenOrCannotFollowTheLastIsNotKept() throws IOException {
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < 5; i++) {
            byte[] line = ("{\"seq\":" + i + "}").getBytes(StandardCharsets.UTF_8);
            tree.appendEntry(line, 0, line.length);
        }
        SignedNote five = Checkpoint.of(LOG_KEY.name(), tree, 5).signedBy(LOG_KEY);
        SignedNote three = Checkpoint.of(LOG_KEY.name(), tree, 3).signedBy(LOG_KEY);

        CheckpointFile unwritable = CheckpointFile.open(dir.resolve("no-such-folder").resolve("journal.jsonl.checkpoints"));
        assertThatThrownBy(() -> unwritable.add(five)).isInstanceOf(UncheckedIOException.class).hasMessageContaining("no-such-folder");
        assertThat(unwritable.all()).isEmpty();

        Path file = dir.resolve("kept.checkpoints");
        CheckpointFile kept = CheckpointFile.open(file);
        kept.add(five);
        kept.add(five);
        assertThatThrownBy(() -> kept.add(three)).isInstanceOf(IllegalArgumentException.class);
        assertThat(CheckpointFile.open(file).all()).containsExactly(five);
    }
}
