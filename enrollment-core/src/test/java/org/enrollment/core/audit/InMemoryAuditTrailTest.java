package org.enrollment.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.enrollment.core.audit.tlog.Hash;
import org.junit.jupiter.api.Test;

/** The in-memory audit log keeps its lines packed: a season fits in a small heap, and reads give every entry back. */
class InMemoryAuditTrailTest {

    private static final int ENTRIES = 30_000;
    /** A season's entry takes about 880 bytes of body and 64 of hash; kept as objects they took over 1,100 bytes each. */
    private static final long MOST_BYTES_PER_ENTRY = 700;

    /**
     * An entry the size of a season's: a random (so incompressible) 275 bytes in base64 where a sealed state goes,
     * two fingerprints of 64 hex digits, a child reference.
     */
    private static AuditRecord seasonLike(int i, Random random) {
        byte[] sealed = new byte[275];
        random.nextBytes(sealed);
        byte[] print = new byte[32];
        random.nextBytes(print);
        String hex = HexFormat.of().formatHex(print);
        return new AuditRecord(Instant.parse("2026-05-06T01:00:00Z").plusSeconds(i), "SCHOOL:110108-001", "verify",
                List.of("P2026" + (100_000 + i)), List.of(hex.substring(0, 16)), "ACCEPTED", List.of(),
                List.of("residence-checked", "household-ok"), Base64.getEncoder().encodeToString(sealed) + " " + hex + " " + hex);
    }

    @Test
    void aSeasonsEntriesTakeFarLessHeapThanTheirText() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Random random = new Random(11);
        long before = usedAfterGc(memory);
        InMemoryAuditTrail trail = new InMemoryAuditTrail();
        long text = 0;
        for (int i = 0; i < ENTRIES; i++) {
            text += trail.append(seasonLike(i, random)).line().length() + 1;
        }
        long perEntry = (usedAfterGc(memory) - before) / ENTRIES;
        System.out.printf("in-memory audit trail: %,d entries of %,d bytes each retain %,d bytes of heap each%n", ENTRIES, text / ENTRIES, perEntry);

        assertThat(trail.head().count()).isEqualTo(ENTRIES);
        assertThat(text / ENTRIES).as("the entries are a season's size").isGreaterThan(800);
        assertThat(perEntry).as("retained heap per entry, bytes").isLessThan(MOST_BYTES_PER_ENTRY);
    }

    @Test
    void everyRangeOfEntriesReadsBackAsAppendedAcrossBlocks() {
        Random random = new Random(3);
        InMemoryAuditTrail trail = new InMemoryAuditTrail();
        List<AuditEntry> appended = new ArrayList<>();
        int count = LineBlocks.BLOCK * 5 + 7;
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < count; i++) {
            AuditEntry e = trail.append(seasonLike(i, random));
            appended.add(e);
            expected.append(e.line()).append('\n');
            assertThat(trail.tree().leaf(i)).isEqualTo(Hash.leaf(e.line().getBytes(StandardCharsets.UTF_8)));
        }

        for (int from = 0; from <= count; from += 13) {
            for (int to = from; to <= count; to += 29) {
                assertThat(trail.entries(from, to)).as("entries %d to %d", from, to).isEqualTo(appended.subList(from, to));
            }
        }
        assertThat(trail.entries(count - 3, count)).isEqualTo(appended.subList(count - 3, count));
        StringBuilder exported = new StringBuilder();
        trail.export(exported);
        assertThat(exported.toString()).isEqualTo(expected.toString());
        assertThat(trail.verify().intact()).isTrue();
        assertThat(trail.verify().entriesChecked()).isEqualTo(count);
    }

    /**
     * The heap in use after a collection, the least of a few a little apart: right after a burst of allocation
     * the figure a collection reports may still count what the next one frees.
     */
    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 8; i++) {
            System.gc();
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
            Thread.sleep(100);
        }
        return least;
    }
}
