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
 * Eight threads judge while the folder is reloaded twenty times, alternating between two versions whose rules
 * (in two files) have different names: every verdict comes whole from one version, never a mix, and no
 * judgement fails.
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
                "import org.enrollment.rules.facts.*;", "global Verdict verdict;", "");
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
        PolicyQuestion question = Ask.register(SIX_DAY_AFTER_CUTOFF, HAIDIAN, DAY_SCHOOL).at(AFTER_CLOSE).question();
        Set<String> versionA = Set.of("Window A", "Age A");
        Set<String> versionB = Set.of("Window B", "Age B");
        AtomicBoolean reloading = new AtomicBoolean(true);
        AtomicLong seenA = new AtomicLong();
        AtomicLong seenB = new AtomicLong();
        Queue<String> wrong = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> judges = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                judges.add(pool.submit(() -> {
                    while (reloading.get()) {
                        try {
                            PolicyVerdict v = engine.judge(question);
                            Set<String> fired = Set.copyOf(v.rulesFired());
                            if (fired.equals(versionA) && v.reasons().size() == 2) {
                                seenA.incrementAndGet();
                            } else if (fired.equals(versionB) && v.reasons().size() == 2) {
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
            List<ReloadResult> results = new ArrayList<>();
            for (int i = 1; i <= RELOADS; i++) {
                writeVersion(i % 2 == 1 ? "B" : "A");
                results.add(engine.reload());
            }
            reloading.set(false);
            for (Future<?> f : judges) {
                f.get(1, TimeUnit.MINUTES);
            }

            assertThat(results).allSatisfy(r -> assertThat(r.swapped()).as("%s", r.problems()).isTrue());
            assertThat(wrong).isEmpty();
            System.out.printf("%d judgements (%d A, %d B) during %d reloads, %d ms per reload on average%n", seenA.get() + seenB.get(),
                    seenA.get(), seenB.get(), RELOADS, results.stream().mapToLong(r -> r.took().toMillis()).sum() / RELOADS);
            assertThat(seenA.get()).isPositive();
            assertThat(seenB.get()).isPositive();
            assertThat(engine.ruleNames()).isEqualTo(Set.of("Window A", "Age A"));
        } finally {
            reloading.set(false);
            pool.shutdownNow();
        }
    }
}
