package org.enrollment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped files pass vetting unchanged, and what vetting the shipped folder costs (printed; BENCHMARKS.md
 * says how to read it: on a loaded machine the figure is only an upper bound).
 */
class ShippedRulesVettingTest {

    private static List<PreparedRuleFile> shippedFiles() {
        return PreparedRuleFile.ofAll(RuleSource.shipped().read(), "the shipped rules");
    }

    @Test
    void theShippedFilesPassVettingUnchanged() {
        assertThat(new RuleVetter(RuleAllowList.SHIPPED).vet(shippedFiles())).isEmpty();
    }

    @Test
    void vettingAFileWithAForbiddenCallFindsItSoTheCheckAboveCanFail() {
        List<RuleFile> files = new java.util.ArrayList<>(RuleSource.shipped().read());
        files.add(new RuleFile("extra.drl", RuleVettingTest.ruleFile(String.join("\n", "rule \"X\"", "when", "    CommandFact()",
                "then", "    System.gc();", "end")).getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(new RuleVetter(RuleAllowList.SHIPPED).vet(PreparedRuleFile.ofAll(files, "test")))
                .singleElement().satisfies(p -> assertThat(p.toString()).startsWith("extra.drl:13: Not allowed: System.gc()"));
    }

    @Test
    void printsWhatVettingTheShippedFolderCosts() {
        List<PreparedRuleFile> files = shippedFiles();
        RuleVetter vetter = new RuleVetter(RuleAllowList.SHIPPED);
        for (int i = 0; i < 5; i++) {
            assertThat(vetter.vet(files)).isEmpty();
        }
        int runs = 20;
        long started = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            assertThat(vetter.vet(files)).isEmpty();
        }
        double ms = (System.nanoTime() - started) / 1e6 / runs;
        System.out.printf("Vetting the %d shipped files: %.1f ms each time (mean of %d, after 5 warm-up runs)%n", files.size(), ms, runs);
        assertThat(ms).isPositive();
    }
}
