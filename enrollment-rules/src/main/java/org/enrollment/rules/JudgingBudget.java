package org.enrollment.rules;

import java.time.Duration;
import java.util.Objects;

/**
 * How much a judgement may take (判定预算): at most so many rule firings and so much time. Past either, the
 * judgement stops and the command is refused with {@code POLICY_FAILED}, naming the rule; the rules in force
 * are reported (a WARN line, {@link DroolsPolicyEngine#policyFailures()}) so staff can roll back. The time is
 * checked between firings: vetting keeps each consequence short, so a judgement ends within the budget and one
 * consequence.
 *
 * @param maxFirings the most rule firings a judgement may take, at least 1
 * @param time the most time a judgement may take, positive
 */
public record JudgingBudget(int maxFirings, Duration time) {

    /** 10,000 firings (the shipped rules fire a handful per command) and 2 seconds (they take well under a millisecond). */
    public static final JudgingBudget DEFAULT = new JudgingBudget(10_000, Duration.ofSeconds(2));

    /** Validates the limits. */
    public JudgingBudget {
        Objects.requireNonNull(time, "time");
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be at least 1, was " + maxFirings + ".");
        }
        if (time.isNegative() || time.isZero()) {
            throw new IllegalArgumentException("time must be positive, was " + time + ".");
        }
    }
}
