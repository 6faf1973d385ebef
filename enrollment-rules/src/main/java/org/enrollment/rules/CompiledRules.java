package org.enrollment.rules;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.enrollment.core.policy.PolicyQuestion;
import org.enrollment.core.policy.PolicyVerdict;
import org.enrollment.rules.facts.VerdictRecorder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * A compiled rule set: immutable, safe for any number of threads. Each judgement takes a session of its own
 * from the rule set's pool (a session no other judgement uses until it is back, emptied: no facts, no
 * activations), gives it its own {@link VerdictRecorder}, and gives it back. Reusing sessions spares building a
 * session's node memories for every command, which was a fifth of the time of a simulated season.
 */
final class CompiledRules {

    /** Firings after which a judgement is taken to be looping. */
    static final int MAX_FIRINGS = 10_000;

    /** Sessions made ahead; the pool grows with the number of judgements at once. */
    private static final int POOLED_AT_START = 2;

    private final KieSessionsPool sessions;
    private final ReleaseId releaseId;
    private final Set<String> ruleNames;
    private final Set<String> derivations;
    private final boolean verdictGlobal;
    private final Map<String, SourceLine> ruleLines;
    private final boolean precompiled;

    /**
     * A compiled rule set.
     *
     * @param releaseId its id in the Drools repository, or {@code null} for a model precompiled at build time
     * @param precompiled whether it was loaded from the model precompiled at build time
     */
    CompiledRules(KieBase kieBase, ReleaseId releaseId, Set<String> ruleNames, Set<String> derivations,
                  boolean verdictGlobal, Map<String, SourceLine> ruleLines, boolean precompiled) {
        this.sessions = kieBase.newKieSessionsPool(POOLED_AT_START);
        this.releaseId = releaseId;
        this.ruleNames = Collections.unmodifiableSortedSet(new TreeSet<>(ruleNames));
        this.derivations = Collections.unmodifiableSortedSet(new TreeSet<>(derivations));
        this.verdictGlobal = verdictGlobal;
        this.ruleLines = Map.copyOf(ruleLines);
        this.precompiled = precompiled;
    }

    /**
     * Judges a question in a session of its own, empty when taken from the pool; giving it back (dispose)
     * resets it, also after a judgement that failed.
     *
     * @throws IllegalStateException when the rules fire more than {@link #MAX_FIRINGS} times
     */
    PolicyVerdict judge(PolicyQuestion question) {
        VerdictRecorder verdict = new VerdictRecorder();
        KieSession session = sessions.newKieSession();
        try {
            if (verdictGlobal) {
                session.setGlobal(RuleCompiler.VERDICT, verdict);
            }
            session.addEventListener(verdict);
            QuestionFacts.insert(question, session);
            int fired = session.fireAllRules(MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                throw looping(question, verdict.toPolicyVerdict().rulesFired());
            }
        } finally {
            session.removeEventListener(verdict);
            session.dispose();
        }
        return verdict.toPolicyVerdict();
    }

    /** The release id the rules were compiled under in the Drools repository. */
    ReleaseId releaseId() {
        return releaseId;
    }

    private static IllegalStateException looping(PolicyQuestion question, List<String> fired) {
        Map<String, Long> counts = fired.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        String most = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("?");
        return new IllegalStateException("The rules fired " + fired.size() + " times judging " + question.kind().text()
                + " and were stopped; rule \"" + most + "\" fired " + counts.get(most) + " times."
                + "\nMaybe the rule inserts or changes a fact that makes it match again.");
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
        return "CompiledRules[" + (precompiled ? "precompiled" : releaseId) + ", " + ruleNames.size() + " rules]";
    }
}
