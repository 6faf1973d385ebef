package org.enrollment.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.enrollment.core.audit.tlog.Hash;
import org.enrollment.core.child.Household;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationNumber;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.registration.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-memory trail seals on its own thread: what an add returns is all a caller may rely on, and every read
 * after it sees the log as if the entry had been sealed at once, from any thread.
 */
class InMemoryAuditTrailSealerTest {

    private static final StateSeal SEAL = new StateSeal("sixteen byte key, and more".getBytes(StandardCharsets.US_ASCII));

    /** An accepted register, its state to be sealed on the sealer (a name this long cannot be encoded). */
    private static AuditRecord written(int i, String name) {
        Registration r = Registration.create(RegistrationNumber.of("110108", 2026, i + 1), ResidentId.of("110108200801010013"), name,
                Household.of("110108"), "110108", "HD001", Route.ONLINE, null, RegistrationState.SUBMITTED,
                Instant.parse("2026-05-06T01:00:00Z").plusSeconds(i));
        AuditRecord plain = new AuditRecord(Instant.parse("2026-05-06T01:00:00Z").plusSeconds(i), "GUARDIAN", "", "register",
                List.of(), List.of("c0ffee" + i), "ACCEPTED", List.of(), List.of("rule"), "record " + i, "", "", "", SEAL, SealedState.NONE);
        return plain.written(new WrittenState(List.of(r), null, null));
    }

    @Test
    void anotherThreadReadsEveryEntryAddedBeforeItLooked() throws Exception {
        int count = InMemoryAuditTrail.QUEUE * 2 + 17;
        for (int round = 0; round < 3; round++) {
            InMemoryAuditTrail trail = new InMemoryAuditTrail();
            ExecutorService writer = Executors.newSingleThreadExecutor();
            long[] last = {-1};
            writer.submit(() -> {
                for (int i = 0; i < count; i++) {
                    last[0] = trail.add(written(i, "王小明"));
                }
                return null;
            }).get(2, TimeUnit.MINUTES);
            writer.shutdown();

            assertThat(last[0]).isEqualTo(count - 1);
            assertThat(trail.head().count()).isEqualTo(count);
            assertThat(trail.tree().size()).isEqualTo(count);
            AuditEntry lastEntry = trail.entries(count - 1, count).get(0);
            assertThat(lastEntry.sequence()).isEqualTo(count - 1);
            assertThat(lastEntry.body()).contains("\"detail\":\"record " + (count - 1) + "\"").contains("\"state\":\"");
            assertThat(trail.tree().leaf(count - 1)).isEqualTo(Hash.leaf(lastEntry.line().getBytes(StandardCharsets.UTF_8)));
            assertThat(trail.verify().intact()).isTrue();
        }
    }

    @Test
    void aFailureOnTheSealerIsThrownByTheNextCallAsTheSynchronousTrailThrowsIt(@TempDir Path dir) throws Exception {
        AuditRecord unsealable = written(1, "名".repeat(30_000));
        try (FileAuditTrail file = FileAuditTrail.open(dir.resolve("audit.jsonl"), Durability.osBuffered())) {
            file.append(written(0, "王小明"));
            assertThatThrownBy(() -> file.append(unsealable)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("65,535 bytes");
        }

        InMemoryAuditTrail trail = new InMemoryAuditTrail();
        trail.add(written(0, "王小明"));
        assertThat(trail.add(unsealable)).isEqualTo(1);
        assertThatThrownBy(trail::head).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65,535 bytes");
        assertThatThrownBy(() -> trail.add(written(2, "王小明"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> trail.entries(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> trail.tree().size()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eightThreadsAddingGiveTheChainThatAddingTheirRecordsInSequenceOrderGives() throws Exception {
        int threads = 8;
        int each = 1_500;
        InMemoryAuditTrail trail = new InMemoryAuditTrail();
        ConcurrentHashMap<Long, AuditRecord> bySequence = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                long previous = -1;
                for (int i = 0; i < each; i++) {
                    AuditRecord record = written(thread * each + i, "王小明");
                    long sequence = trail.add(record);
                    assertThat(sequence).isGreaterThan(previous);
                    previous = sequence;
                    assertThat(bySequence.put(sequence, record)).isNull();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        InMemoryAuditTrail replay = new InMemoryAuditTrail();
        for (long s = 0; s < (long) threads * each; s++) {
            assertThat(replay.append(bySequence.get(s)).sequence()).isEqualTo(s);
        }
        StringBuilder concurrent = new StringBuilder();
        StringBuilder inOrder = new StringBuilder();
        trail.export(concurrent);
        replay.export(inOrder);
        assertThat(concurrent.toString()).isEqualTo(inOrder.toString());
        assertThat(trail.head()).isEqualTo(replay.head());
        assertThat(trail.tree().root()).isEqualTo(replay.tree().root());
        assertThat(trail.verify().intact()).isTrue();
    }
}
