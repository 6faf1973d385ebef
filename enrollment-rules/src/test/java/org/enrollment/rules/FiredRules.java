package org.enrollment.rules;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.enrollment.core.policy.PolicyQuestion;
import org.enrollment.core.policy.PolicyVerdict;

/**
 * Judges with the shipped rules and records which rules fired, so that {@link EveryShippedRuleFiredTest} can
 * tell a rule its own test does not fire.
 */
final class FiredRules {

    private static final Set<String> FIRED = ConcurrentHashMap.newKeySet();

    private FiredRules() {
    }

    /** The shipped engine, compiled once for the test run. */
    static DroolsPolicyEngine shipped() {
        return DroolsPolicyEngine.shipped();
    }

    /** The shipped rules' verdict on the question, recorded. */
    static PolicyVerdict judge(PolicyQuestion question) {
        return record(shipped().judge(question));
    }

    /** Records the rules a verdict of the shipped rules says fired; returns the verdict. */
    static PolicyVerdict record(PolicyVerdict verdict) {
        record(verdict.rulesFired());
        return verdict;
    }

    /** Records rules of the shipped rules that fired (e.g. as a registry's decision quotes them). */
    static void record(Collection<String> rules) {
        FIRED.addAll(rules);
    }

    /** Forgets that this rule fired, so that a test can see whether the next judgements fire it. */
    static void forget(String rule) {
        FIRED.remove(rule);
    }

    /** The rules recorded as fired so far, sorted. */
    static Set<String> soFar() {
        return new TreeSet<>(FIRED);
    }
}
