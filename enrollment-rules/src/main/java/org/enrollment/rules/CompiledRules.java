package org.enrollment.rules;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.enrollment.core.policy.PolicyQuestion;
import org.enrollment.core.policy.PolicyVerdict;
import org.enrollment.rules.facts.VerdictRecorder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * A compiled rule set: immutable, safe for any number of threads. Each judgement takes a session of its own
 * from the rule set's pool (a session no other judgement uses until it is back, emptied: no facts, no
 * activations), gives it its own {@link VerdictRecorder}, and gives it back. Reusing sessions spares building a
 * session's node memories for every command, which was a fifth of the time of a simulated season.
 *
 * <p>Measured and left (BENCHMARKS.md, session 9): emptying a session by deleting its facts instead of the pool's
 * reset is slower, the deletes come back as work in the next judgement; sessions without Drools' thread safety
 * ({@code ThreadSafeOption.NO}) spend a seventh less in Drools but, judging on four threads at once, a rule's
 * reason reached another judgement's verdict ({@code SessionReuseTest}).
 */
final class CompiledRules {

    /** Sessions made ahead; the pool grows with the number of judgements at once. */
    private static final int POOLED_AT_START = 2;

    private final KieSessionsPool sessions;
    private final ReleaseId releaseId;
    private final Set<String> ruleNames;
    private final Set<String> derivations;
    private final boolean verdictGlobal;
    private final Map<String, SourceLine> ruleLines;
    private final String fingerprint;
    private final boolean precompiled;

    /**
     * A compiled rule set.
     *
     * @param releaseId its id in the Drools repository, or {@code null} when it has none there (a model precompiled at
     *        build time, or rules made from the models of files built one by one)
     * @param fingerprint the {@linkplain RuleFile#fingerprint fingerprint} of the files it was compiled from
     * @param precompiled whether it was loaded from the model precompiled at build time
     */
    CompiledRules(KieBase kieBase, ReleaseId releaseId, Set<String> ruleNames, Set<String> derivations,
                  boolean verdictGlobal, Map<String, SourceLine> ruleLines, String fingerprint, boolean precompiled) {
        this.sessions = kieBase.newKieSessionsPool(POOLED_AT_START);
        this.releaseId = releaseId;
        this.ruleNames = Collections.unmodifiableSortedSet(new TreeSet<>(ruleNames));
        this.derivations = Collections.unmodifiableSortedSet(new TreeSet<>(derivations));
        this.verdictGlobal = verdictGlobal;
        this.ruleLines = Map.copyOf(ruleLines);
        this.fingerprint = fingerprint;
        this.precompiled = precompiled;
    }

    /**
     * Judges a question in a session of its own, empty when taken from the pool; giving it back (dispose)
     * resets it, also after a judgement that failed. Never throws for what the rules do: a rule that throws,
     * or a judgement past the budget, gives a failure and a verdict refusing with {@code POLICY_FAILED}.
     */
    Judged judge(PolicyQuestion question, JudgingBudget budget) {
        VerdictRecorder verdict = new VerdictRecorder();
        Meter meter = new Meter(budget, verdict);
        KieSession session = sessions.newKieSession();
        try {
            if (verdictGlobal) {
                session.setGlobal(RuleCompiler.VERDICT, verdict);
            }
            QuestionFacts.insert(question, session);
            session.fireAllRules(meter);
            return meter.failure().map(Judged::failed).orElseGet(() -> new Judged(verdict.toPolicyVerdict(), Optional.empty()));
        } catch (RuntimeException | StackOverflowError e) {
            return Judged.failed(PolicyFailure.of(e, meter.last()));
        } finally {
            session.dispose();
        }
    }

    /**
     * What a judgement came to: the verdict, and what failed when the rules could not finish.
     *
     * @param verdict the rules' verdict; when they failed, a refusal with {@code POLICY_FAILED}
     * @param failure what failed, if anything
     */
    record Judged(PolicyVerdict verdict, Optional<PolicyFailure> failure) {

        static Judged failed(PolicyFailure f) {
            return new Judged(new PolicyVerdict(List.of(f.reason()), List.of(f.rule())), Optional.of(f));
        }
    }

    /**
     * Counts firings and watches the time, between firings; past the budget it lets no more rules fire, else it
     * hands the match to the judgement's {@link VerdictRecorder}, which records the rule firing. It counts the rules
     * fired by rule only when the limit is passed, to name the rule that fired most.
     */
    private static final class Meter implements AgendaFilter {

        private final JudgingBudget budget;
        private final long deadline;
        private final VerdictRecorder verdict;
        private PolicyFailure failure;

        Meter(JudgingBudget budget, VerdictRecorder verdict) {
            this.budget = budget;
            this.deadline = System.nanoTime() + budget.time().toNanos();
            this.verdict = verdict;
        }

        @Override
        public boolean accept(Match match) {
            List<String> fired = verdict.rulesFired();
            if (failure == null && fired.size() >= budget.maxFirings()) {
                Map<String, Long> counts = fired.stream().collect(Collectors.groupingBy(name -> name, Collectors.counting()));
                String most = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("?");
                failure = PolicyFailure.overLimit(most, budget.maxFirings(), counts.getOrDefault(most, 0L).intValue());
            }
            checkTime();
            return failure == null && verdict.accept(match);
        }

        /** The rule fired last, or {@code null} before any fired. */
        String last() {
            List<String> fired = verdict.rulesFired();
            return fired.isEmpty() ? null : fired.get(fired.size() - 1);
        }

        private void checkTime() {
            if (failure == null && System.nanoTime() - deadline > 0) {
                String last = last();
                failure = PolicyFailure.overTime(last == null ? "?" : last, budget.time());
            }
        }

        Optional<PolicyFailure> failure() {
            checkTime();
            return Optional.ofNullable(failure);
        }
    }

    /** The release id the rules were compiled under in the Drools repository, or {@code null} when they have none there. */
    ReleaseId releaseId() {
        return releaseId;
    }

    /** The names of all rules, sorted. */
    Set<String> ruleNames() {
        return ruleNames;
    }

    /** The names of the rules marked {@code @derivation}: they derive facts for other rules and give no reason. */
    Set<String> derivations() {
        return derivations;
    }

    /** Where a rule is declared, if it is known. */
    Optional<SourceLine> lineOf(String rule) {
        return Optional.ofNullable(ruleLines.get(rule));
    }

    /** The {@linkplain RuleFile#fingerprint fingerprint} of the files the rules were compiled from. */
    String fingerprint() {
        return fingerprint;
    }

    /** Whether the rules were loaded from the model precompiled at build time rather than compiled now. */
    boolean precompiled() {
        return precompiled;
    }

    /**
     * Lets the Drools repository forget the compiled module; sessions already open keep working. The session
     * pool is not shut down (that would dispose of sessions still judging): it goes with the rule set.
     */
    void release() {
        if (releaseId != null) {
            KieServices.get().getRepository().removeKieModule(releaseId);
        }
    }

    @Override
    public String toString() {
        return "CompiledRules[" + (precompiled ? "precompiled" : releaseId == null ? "built file by file" : releaseId) + ", " + ruleNames.size() + " rules]";
    }
}
