package org.enrollment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reloads one at a time within a budget: a second reload while one runs is answered at once; a reload past
 * its budget or out of memory returns a refused result and swaps nothing.
 */
class ReloaderTest {

    private final AtomicInteger swaps = new AtomicInteger();

    @Test
    void aSecondReloadWhileOneRunsIsAnsweredAtOnce() throws Exception {
        Reloader reloader = new Reloader(Duration.ofSeconds(30));
        CountDownLatch compiling = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<ReloadResult> first = CompletableFuture.supplyAsync(() -> reloader.reload(() -> {
            compiling.countDown();
            await(finish);
            return null;
        }, r -> swaps.incrementAndGet(), "folder A"));
        assertThat(compiling.await(10, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        ReloadResult second = reloader.reload(() -> null, r -> swaps.incrementAndGet(), "folder A");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(second.swapped()).isFalse();
        assertThat(second.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("in progress"));
        finish.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).swapped()).isTrue();
        assertThat(swaps).hasValue(1);
    }

    @Test
    void aReloadPastItsBudgetIsRefusedAndTheNextWaitsForTheWorkerToEnd() throws Exception {
        Reloader reloader = new Reloader(Duration.ofMillis(200));
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);

        ReloadResult late = reloader.reload(() -> {
            try {
                while (stuck.getCount() > 0) { // a compile that does not stop when interrupted
                    await(stuck);
                    Thread.interrupted();
                }
                return null;
            } finally {
                ended.countDown();
            }
        }, r -> swaps.incrementAndGet(), "folder B");

        assertThat(late.swapped()).isFalse();
        assertThat(late.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("longer than its budget of 200 ms"));
        assertThat(reloader.reload(() -> null, r -> swaps.incrementAndGet(), "folder B").problems().get(0).message()).contains("in progress");
        stuck.countDown();
        assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);
        assertThat(reloader.reload(() -> null, r -> swaps.incrementAndGet(), "folder B").swapped()).isTrue();
        assertThat(swaps).hasValue(1);
    }

    @Test
    void aReloadThatRunsOutOfMemoryIsRefused() {
        Reloader reloader = new Reloader(Duration.ofSeconds(30));

        ReloadResult result = reloader.reload(() -> {
            throw new OutOfMemoryError("Java heap space (simulated)");
        }, r -> swaps.incrementAndGet(), "folder C");

        assertThat(result.swapped()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("ran out of memory"));
        assertThat(swaps).hasValue(0);
    }

    @Test
    void anUnvettedRuleThatRunsOutOfMemoryInTheSmokeCheckLeavesTheRulesInForce(@TempDir Path folder) throws IOException {
        DroolsPolicyEngine.exportShippedRules(folder);
        DroolsPolicyEngine engine = DroolsPolicyEngine.fromFolder(folder, JudgingBudget.DEFAULT, DroolsPolicyEngine.RELOAD_BUDGET, false);
        List<String> before = List.copyOf(engine.ruleNames());
        Files.writeString(folder.resolve("hog.drl"), RuleVettingTest.ruleFile(String.join("\n",
                "rule \"Hog\"", "when", "    CommandFact()", "then", "    if (true) { throw new OutOfMemoryError(\"simulated\"); }", "end")),
                StandardCharsets.UTF_8);

        ReloadResult result = engine.reload();

        assertThat(result.swapped()).isFalse();
        assertThat(result.problems()).isNotEmpty();
        assertThat(engine.ruleNames()).containsExactlyElementsOf(before);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
