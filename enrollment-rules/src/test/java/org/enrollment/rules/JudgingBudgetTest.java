package org.enrollment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enrollment.rules.Fixtures.CLOSES;
import static org.enrollment.rules.Fixtures.HAIDIAN;
import static org.enrollment.rules.Fixtures.IN_WINDOW;
import static org.enrollment.rules.Fixtures.OPENS;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.enrollment.core.audit.AuditEntry;
import org.enrollment.core.child.Household;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.Outcome;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.command.Register;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.season.DistrictCatalog;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule that throws, rules that fire past the limit and a judgement past its time each end as a refusal
 * with {@code POLICY_FAILED} naming the rule, recorded in the audit log; the host gets a decision, never an
 * exception; one poisoned command does not stall the others. Vetting would keep these rules out, so the
 * folder is loaded without it (the package-private hook), and each rule waits for a school the smoke check
 * does not ask about (a time bomb).
 */
class JudgingBudgetTest {

    static final School THROWS = new School("HD007", "七号学校", HAIDIAN, 7, false);
    static final School LOOPS = new School("HD006", "六号学校", HAIDIAN, 6, false);
    static final School SLOW = new School("HD005", "五号学校", HAIDIAN, 5, false);
    static final School PLAIN = new School("HD001", "海淀实验小学", HAIDIAN, 100, false);
    static final Season SEASON = new Season(2014, OPENS, CLOSES, 3, DistrictCatalog.beijing(),
            List.of(THROWS, LOOPS, SLOW, PLAIN), List.of());
    static final Duration TIME = Duration.ofMillis(1500);

    @TempDir
    static Path folder;

    private static DroolsPolicyEngine engine;
    private static int sequence;

    @BeforeAll
    static void loadPoisonedRulesWithoutVetting() throws IOException {
        DroolsPolicyEngine.exportShippedRules(folder);
        Files.writeString(folder.resolve("poison.drl"), RuleVettingTest.ruleFile(String.join("\n",
                "rule \"Throws\"", "when", "    CommandFact(kind == CommandKind.REGISTER)", "    SchoolFact(plan == 7)", "then",
                "    if (true) { throw new IllegalStateException(\"boom\"); }", "end",
                "rule \"Seed\"", "when", "    CommandFact(kind == CommandKind.REGISTER)", "    SchoolFact(plan == 6 || plan == 5)", "then",
                "    insert(new WindowExemption(\"seed\"));", "end",
                "rule \"Again\"", "when", "    SchoolFact(plan == 6)", "    WindowExemption()", "then",
                "    insert(new WindowExemption(\"again\"));", "end",
                "rule \"Slowly\"", "when", "    SchoolFact(plan == 5)", "    WindowExemption()", "then",
                "    try { Thread.sleep(50); } catch (InterruptedException e) { }",
                "    insert(new WindowExemption(\"slowly\"));", "end")), StandardCharsets.UTF_8);
        engine = DroolsPolicyEngine.fromFolder(folder, new JudgingBudget(10_000, TIME), DroolsPolicyEngine.RELOAD_BUDGET, false);
    }

    private static Registry registry() {
        return Registry.builder(SEASON, engine).clock(Clock.fixed(IN_WINDOW, ZoneOffset.UTC)).build();
    }

    private static synchronized Register register(School school) {
        ResidentId child = ResidentId.compose(HAIDIAN, LocalDate.of(2008, 1, 1).plusDays(sequence % 200), ++sequence);
        return Register.online(child, "甲", Household.of(HAIDIAN), HAIDIAN, school.code());
    }

    private static void assertPolicyFailed(Registry registry, Decision d, String rule, String what) {
        assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(d.reasonCodes()).containsExactly(ReasonCode.POLICY_FAILED);
        assertThat(d.reasons().get(0).rule()).isEqualTo(rule);
        assertThat(d.reasons().get(0).messageEn()).contains("\"" + rule + "\"", what);
        assertThat(d.reasons().get(0).messageZh()).contains(rule);
        List<AuditEntry> entries = registry.audit().entries(d.auditSequence(), d.auditSequence() + 1);
        assertThat(entries).singleElement().satisfies(e -> assertThat(e.body()).contains("POLICY_FAILED", "REFUSED"));
    }

    @Test
    void aRuleThatThrowsRefusesTheCommandWithPolicyFailedAndAnAuditEntry() {
        Registry registry = registry();
        long before = engine.policyFailures();

        Decision d = registry.handle(Actor.guardian(), register(THROWS));

        assertPolicyFailed(registry, d, "Throws", "IllegalStateException: boom");
        assertThat(engine.policyFailures()).isEqualTo(before + 1);
    }

    @Test
    void rulesFiringPastTheLimitRefuseTheCommandNamingTheRuleThatFiredMost() {
        Registry registry = registry();

        Decision d = registry.handle(Actor.guardian(), register(LOOPS));

        assertPolicyFailed(registry, d, "Again", "more than 10000 times");
    }

    @Test
    void aJudgementPastItsTimeRefusesTheCommand() {
        Registry registry = registry();
        long started = System.nanoTime();

        Decision d = registry.handle(Actor.guardian(), register(SLOW));

        assertPolicyFailed(registry, d, "Slowly", "time budget of 1500 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIME.plusSeconds(5));
    }

    @Test
    void theOtherCommandsGoOnWhileOnePoisonedCommandRunsOutItsTime() throws Exception {
        Registry registry = registry();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            long started = System.nanoTime();
            Future<Decision> poisoned = pool.submit(() -> registry.handle(Actor.guardian(), register(SLOW)));
            List<Future<Long>> others = new ArrayList<>();
            for (int t = 0; t < 7; t++) {
                others.add(pool.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        assertThat(registry.handle(Actor.guardian(), register(PLAIN)).outcome()).isEqualTo(Outcome.ACCEPTED);
                    }
                    return System.nanoTime();
                }));
            }
            Decision d = poisoned.get(30, TimeUnit.SECONDS);
            long poisonedDone = System.nanoTime();
            assertPolicyFailed(registry, d, "Slowly", "time budget");
            for (Future<Long> other : others) {
                long done = other.get(30, TimeUnit.SECONDS);
                assertThat(done).as("another command finished before the poisoned one ran out of time").isLessThan(poisonedDone);
            }
            assertThat(Duration.ofNanos(poisonedDone - started)).isGreaterThanOrEqualTo(TIME);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theEngineJudgesAfterAFailureAsBefore() {
        Registry registry = registry();
        registry.handle(Actor.guardian(), register(THROWS));

        assertThat(registry.handle(Actor.guardian(), register(PLAIN)).outcome()).isEqualTo(Outcome.ACCEPTED);
    }
}
