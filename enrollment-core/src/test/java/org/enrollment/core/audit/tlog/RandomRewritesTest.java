package org.enrollment.core.audit.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 random rewrites of an exported log, each signed by the log's own key (the city as the attacker) and handed
 * with the best consistency proof the rewritten tree gives to a witness holding the checkpoint of the log before:
 * the witness refuses every one. The number of rewrites is {@code -Dtlog.rewrites=N} (default 10,000).
 */
class RandomRewritesTest {

    private static final int ENTRIES = 200;

    @TempDir
    Path dir;

    @Test
    void everyRewriteOfHistoryIsRefusedByAWitnessHoldingAnEarlierCheckpoint() {
        SigningKey logKey = SigningKey.generate("city.example/enrollment");
        ForgedLog honest = new ForgedLog(ForgedLog.entries(ENTRIES), logKey);
        Witness witness = new Witness(dir, logKey.verifierKey(), SigningKey.generate("w.example"), Clock.systemUTC());
        assertThat(witness.observe(honest.checkpoint(), Optional.empty()).accepted()).isTrue();
        int rewrites = Integer.getInteger("tlog.rewrites", 10_000);
        Random random = new Random(11);
        List<String> accepted = new ArrayList<>();
        for (int n = 0; n < rewrites; n++) {
            ForgedLog forged = honest.copy();
            String how = rewrite(forged.lines, random);
            for (int grow = random.nextInt(4); grow > 0; grow--) {
                forged.lines.add("{\"seq\":" + forged.lines.size() + ",\"appended\":" + n + "}");
            }
            if (witness.observe(forged.checkpoint(), Optional.of(forged.proofFrom(ENTRIES))).accepted()) {
                accepted.add(n + ": " + how);
            }
            if ((n + 1) % 2_000 == 0) {
                System.out.printf("RandomRewritesTest: %,d of %,d rewrites refused by the witness%n", n + 1 - accepted.size(), rewrites);
            }
        }
        assertThat(accepted).as("rewrites the witness cosigned").isEmpty();
        assertThat(Checkpoint.of(witness.held().orElseThrow())).isEqualTo(Checkpoint.parse(honest.checkpoint().body()));
    }

    /** Changes history before entry {@link #ENTRIES}: a byte, a line, a deletion, an insertion, a swap, or a cut. */
    private static String rewrite(List<String> lines, Random random) {
        int at = random.nextInt(ENTRIES);
        switch (random.nextInt(6)) {
            case 0 -> {
                char[] line = lines.get(at).toCharArray();
                int i = random.nextInt(line.length);
                line[i] = (char) (line[i] == 'z' ? 'y' : line[i] + 1);
                lines.set(at, new String(line));
                return "a character of entry " + at;
            }
            case 1 -> {
                lines.set(at, lines.get(at).replace("ADMITTED", "REJECTED"));
                return "the state of entry " + at;
            }
            case 2 -> {
                lines.remove(at);
                return "entry " + at + " removed";
            }
            case 3 -> {
                lines.add(at, "{\"seq\":" + at + ",\"inserted\":true}");
                return "an entry inserted at " + at;
            }
            case 4 -> {
                int other = (at + 1 + random.nextInt(ENTRIES - 1)) % ENTRIES;
                String a = lines.get(at);
                lines.set(at, lines.get(other));
                lines.set(other, a);
                return "entries " + at + " and " + other + " swapped";
            }
            default -> {
                lines.subList(at, lines.size()).clear();
                return "cut after entry " + (at - 1);
            }
        }
    }
}
