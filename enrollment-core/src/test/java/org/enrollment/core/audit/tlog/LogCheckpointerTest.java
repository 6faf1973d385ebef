package org.enrollment.core.audit.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.enrollment.core.audit.AuditRecord;
import org.enrollment.core.audit.InMemoryAuditTrail;
import org.enrollment.core.fixture.MutableClock;
import org.junit.jupiter.api.Test;

class LogCheckpointerTest {

    private final SigningKey key = SigningKey.generate("city.example/enrollment");
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-06T01:00:00Z"));

    private void append(int n) {
        for (int i = 0; i < n; i++) {
            trail.append(new AuditRecord(clock.instant(), "GUARDIAN", "register", List.of("110108-2014-000123"),
                    List.of("c5b0e1f3a9d24e7b8c6f0a1d2e3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d"), "ACCEPTED", List.of(), List.of(), ""));
        }
    }

    @Test
    void signsEveryNEntriesAndWhenTheTimeHasPassedAndOnDemand() {
        LogCheckpointer signer = new LogCheckpointer(trail.tree(), key, CheckpointSchedule.everyEntries(100).andEvery(Duration.ofMinutes(5)),
                clock, new Checkpoints());
        append(250);
        assertThat(signer.update()).extracting(n -> Checkpoint.of(n).size()).containsExactly(100L, 200L);
        clock.advance(Duration.ofMinutes(5));
        assertThat(signer.update()).extracting(n -> Checkpoint.of(n).size()).containsExactly(250L);
        assertThat(signer.update()).isEmpty();
        append(3);
        assertThat(Checkpoint.of(signer.checkpoint()).size()).isEqualTo(253);
        assertThat(signer.checkpoints().all()).hasSize(4).allMatch(n -> n.verifiedBy(key.verifierKey()));
    }

    @Test
    void itsCheckpointsAreThoseOfTheExport() {
        LogCheckpointer signer = new LogCheckpointer(trail.tree(), key, CheckpointSchedule.onDemand(), clock, new Checkpoints());
        append(77);
        SignedNote cp = signer.checkpoint();
        StringWriter export = new StringWriter();
        trail.export(export);
        MerkleTree fromExport = new MerkleTree();
        for (String line : export.toString().split("\n")) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            fromExport.appendEntry(bytes, 0, bytes.length);
        }
        assertThat(new ExportTree(fromExport, false).check(Checkpoint.of(cp)).holds()).isTrue();
    }

    @Test
    void keptCheckpointsReadBackOnlyWhenSignedByTheLogAndGrowing() {
        LogCheckpointer signer = new LogCheckpointer(trail.tree(), key, CheckpointSchedule.everyEntries(10), clock, new Checkpoints());
        append(35);
        signer.update();
        String text = signer.checkpoints().text();
        Checkpoints read = Checkpoints.parse(text, key.verifierKey());
        assertThat(read.all()).isEqualTo(signer.checkpoints().all());
        assertThatThrownBy(() -> Checkpoints.parse(text, SigningKey.generate(key.name()).verifierKey()))
                .hasMessage("Checkpoint 1 is not signed by the log key city.example/enrollment.");
        LogCheckpointer restarted = new LogCheckpointer(trail.tree(), key, CheckpointSchedule.everyEntries(10), clock, read);
        assertThat(restarted.check().holds()).isTrue();
        append(10);
        assertThat(restarted.update()).extracting(n -> Checkpoint.of(n).size()).containsExactly(40L);
    }

    @Test
    void aTrailThatNoLongerMakesItsCheckpointsIsNamed() {
        LogCheckpointer signer = new LogCheckpointer(trail.tree(), key, CheckpointSchedule.everyEntries(10), clock, new Checkpoints());
        append(20);
        signer.update();
        InMemoryAuditTrail other = new InMemoryAuditTrail();
        for (int i = 0; i < 20; i++) {
            other.append(new AuditRecord(clock.instant().plusSeconds(i == 13 ? 1 : 0), "GUARDIAN", "register", List.of("110108-2014-000123"),
                    List.of("c5b0e1f3a9d24e7b8c6f0a1d2e3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d"), "ACCEPTED", List.of(), List.of(), ""));
        }
        LogCheck check = new LogCheckpointer(other.tree(), key, CheckpointSchedule.onDemand(), clock, signer.checkpoints()).check();
        assertThat(check.problem()).isEqualTo("The trail's first 20 entries do not make the root of the checkpoint signed for them: "
                + "an entry among them was changed, added or removed.");
    }
}
