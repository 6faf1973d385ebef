package org.enrollment.examples.scenario;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.enrollment.core.command.Outcome;
import org.enrollment.core.command.ReasonCode;

/**
 * What came of one scenario command, as the runner shows it and an {@link Expectation} is checked against.
 *
 * @param outcome accepted or refused
 * @param reasons the reason codes, in the order given
 * @param rulesFired the names of the policy rules that fired
 * @param states the state after the command of each registration it concerns ({@value Expectation#NONE} for a
 *        child without one): the child's, each listed child's, or each one the command acted on
 * @param number the pre-registration number, when the command concerns exactly one registration; else {@code null}
 */
public record Observation(Outcome outcome, List<ReasonCode> reasons, List<String> rulesFired, List<String> states, String number) {

    /** Validates and freezes. */
    public Observation {
        Objects.requireNonNull(outcome, "outcome");
        reasons = List.copyOf(reasons);
        rulesFired = List.copyOf(rulesFired);
        states = List.copyOf(states);
    }

    /** The reasons as a set. */
    public Set<ReasonCode> reasonSet() {
        return reasons.isEmpty() ? EnumSet.noneOf(ReasonCode.class) : EnumSet.copyOf(reasons);
    }
}
