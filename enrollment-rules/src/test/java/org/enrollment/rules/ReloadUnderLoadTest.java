package org.enrollment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enrollment.rules.Fixtures.AFTER_CLOSE;
import static org.enrollment.rules.Fixtures.DAY_SCHOOL;
import static org.enrollment.rules.Fixtures.HAIDIAN;
import static org.enrollment.rules.Fixtures.SIX_DAY_AFTER_CUTOFF;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.enrollment.core.policy.PolicyQuestion;
import org.enrollment.core.policy.PolicyVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threads judge while the folder is reloaded: twenty times alternating between two versions whose rules (in
 * two files) have different names, or a broken folder then a fixed one. Every verdict comes whole from one
 * version, never a mix, no judgement fails, and a broken folder is refused with its file and line.
 */
class ReloadUnderLoadTest {

    private static final int THREADS = 8;
    private static final int RELOADS = 20;
    /** A pause between judgements, so that eight judging threads leave the compiler some of a small machine. */
    private static final long PAUSE_NANOS = 200_000;

    @TempDir
    Path folder;

    /** Two files, each with one rule that fires on a registration after the window by a child too young. */
    private void writeVersion(String v) throws IOException {
        String head = String.join("\n", "package org.enrollment.rules.policies;", "import org.enrollment.core.command.ReasonCode;",
                "import org.enrollment.rules.facts.*;", "global VerdictRecorder verdict;", "");
        Files.writeString(folder.resolve("window.drl"), head + String.join("\n",
                "rule \"Window " + v + "\"", "when", "    $s : SeasonFact()", "    CommandFact(at >= $s.closes)", "then",
                "    verdict.refuse(ReasonCode.WINDOW_NOT_OPEN, \"窗口 " + v + "\", \"Window " + v + "\");", "end", ""),
                StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("age.drl"), head + String.join("\n",
                "rule \"Age " + v + "\"", "when", "    $s : SeasonFact()",
                "    exists ChildFact(birthDate.plusYears($s.schoolAge) > $s.ageCutoff)", "then",
                "    verdict.refuse(ReasonCode.AGE_NOT_ELIGIBLE, \"年龄 " + v + "\", \"Age " + v + "\");", "end", ""),
                StandardCharsets.UTF_8);
    }

    @Test
    void judgementsDuringReloadsSeeOneWholeRuleSetAndNeverFail() throws Exception {
        writeVersion("A");
        DroolsPolicyEngine engine = DroolsPolicyEngine.fromFolder(folder);
        List<ReloadResult> results = new ArrayList<>();
        try (Judges judges = new Judges(engine, THREADS)) {
            for (int i = 1; i <= RELOADS; i++) {
                writeVersion(i % 2 == 1 ? "B" : "A");
                results.add(engine.reload());
            }
            judges.stop();

            assertThat(results).allSatisfy(r -> assertThat(r.swapped()).as("%s", r.problems()).isTrue());
            assertThat(judges.wrong).isEmpty();
            System.out.printf("%d judgements (%d A, %d B) during %d reloads, %d ms per reload on average%n",
                    judges.seenA.get() + judges.seenB.get(), judges.seenA.get(), judges.seenB.get(), RELOADS,
                    results.stream().mapToLong(r -> r.took().toMillis()).sum() / RELOADS);
            assertThat(judges.seenA.get()).isPositive();
            assertThat(judges.seenB.get()).isPositive();
            assertThat(engine.ruleNames()).isEqualTo(Set.of("Window A", "Age A"));
        }
    }

    @Test
    void aBrokenFolderLoadedUnderLoadIsRefusedWithFileAndLineAndTheFixedOneThenTakesOver() throws Exception {
        writeVersion("A");
        DroolsPolicyEngine engine = DroolsPolicyEngine.fromFolder(folder);
        try (Judges judges = new Judges(engine, 4)) {
            Files.writeString(folder.resolve("age.drl"), "package org.enrollment.rules.policies;\n\nrule \"Broken\"\nwhen\n    ChildFact(\nthen\nend\n",
                    StandardCharsets.UTF_8);
            ReloadResult broken = engine.reload();
            long seenABeforeFix = judges.awaitMore(judges.seenA);
            writeVersion("B");
            ReloadResult fixed = engine.reload();
            judges.awaitMore(judges.seenB);
            judges.stop();

            assertThat(broken.swapped()).isFalse();
            assertThat(broken.problems()).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.file()).endsWith("age.drl"))
                    .anySatisfy(p -> assertThat(p.line()).isBetween(3, 7));
            assertThat(fixed.swapped()).as("%s", fixed.problems()).isTrue();
            assertThat(judges.wrong).as("no judgement failed or saw a mix").isEmpty();
            assertThat(seenABeforeFix).as("the old rules kept answering after the broken folder was refused").isPositive();
            assertThat(engine.ruleNames()).isEqualTo(Set.of("Window B", "Age B"));
            System.out.printf("broken folder refused (%s); %d judgements on the old rules, %d on the fixed ones%n",
                    broken.problems().get(0), judges.seenA.get(), judges.seenB.get());
        }
    }

    /** Threads judging one question over and over, sorting each verdict by the rule set that gave it. */
    private static final class Judges implements AutoCloseable {

        private static final Set<String> VERSION_A = Set.of("Window A", "Age A");
        private static final Set<String> VERSION_B = Set.of("Window B", "Age B");

        final AtomicLong seenA = new AtomicLong();
        final AtomicLong seenB = new AtomicLong();
        final Queue<String> wrong = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean judging = new AtomicBoolean(true);
        private final ExecutorService pool;
        private final List<Future<?>> running = new ArrayList<>();

        Judges(DroolsPolicyEngine engine, int threads) {
            PolicyQuestion question = Ask.register(SIX_DAY_AFTER_CUTOFF, HAIDIAN, DAY_SCHOOL).at(AFTER_CLOSE).question();
            pool = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    while (judging.get()) {
                        try {
                            PolicyVerdict v = engine.judge(question);
                            Set<String> fired = Set.copyOf(v.rulesFired());
                            if (fired.equals(VERSION_A) && v.reasons().size() == 2) {
                                seenA.incrementAndGet();
                            } else if (fired.equals(VERSION_B) && v.reasons().size() == 2) {
                                seenB.incrementAndGet();
                            } else {
                                wrong.add("mixed or partial: " + v);
                            }
                        } catch (RuntimeException e) {
                            wrong.add("failed: " + e);
                        }
                        LockSupport.parkNanos(PAUSE_NANOS);
                    }
                }));
            }
        }

        /** Waits until the counter has grown by some judgements from now, and returns its value then. */
        long awaitMore(AtomicLong counter) throws InterruptedException {
            long target = counter.get() + 100;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (counter.get() < target && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            return counter.get();
        }

        /** Stops the threads and waits for them. */
        void stop() throws Exception {
            judging.set(false);
            for (Future<?> f : running) {
                f.get(1, TimeUnit.MINUTES);
            }
        }

        @Override
        public void close() {
            judging.set(false);
            pool.shutdownNow();
        }
    }
}
