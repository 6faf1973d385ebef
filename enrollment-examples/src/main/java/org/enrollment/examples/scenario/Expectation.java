package org.enrollment.examples.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.enrollment.core.command.Outcome;
import org.enrollment.core.command.ReasonCode;

/**
 * What a scenario line expects of its command ({@code expect}); any part may be left out ({@code null}).
 *
 * @param outcome the outcome, or {@code null}
 * @param reasons the reason codes, compared as a set, or {@code null}
 * @param state the state name every registration the command concerns must be in after it, {@value #NONE}
 *        when a child has none, or {@code null}
 */
public record Expectation(Outcome outcome, Set<ReasonCode> reasons, String state) {

    /** The state of a child that has no registration. */
    public static final String NONE = "NONE";

    private static final Expectation NOTHING = new Expectation(null, null, null);

    /** Freezes the reasons. */
    public Expectation {
        reasons = reasons == null ? null : Collections.unmodifiableSet(reasons.isEmpty() ? EnumSet.noneOf(ReasonCode.class) : EnumSet.copyOf(reasons));
    }

    /** An expectation of nothing: every outcome matches. */
    public static Expectation nothing() {
        return NOTHING;
    }

    /**
     * Exactly what was observed: the outcome, the reasons and, when every registration concerned is in one
     * state, that state. Replaying the command must observe the same.
     */
    public static Expectation of(Observation o) {
        List<String> distinct = o.states().stream().distinct().toList();
        return new Expectation(o.outcome(), EnumSet.copyOf(o.reasonSet()), distinct.size() == 1 ? distinct.get(0) : null);
    }

    /** Whether nothing is expected. */
    public boolean isNothing() {
        return outcome == null && reasons == null && state == null;
    }

    /** The parts ({@code outcome}, {@code reasons}, {@code state}) the observation does not meet; empty when it matches. */
    public List<String> misses(Observation o) {
        List<String> missed = new ArrayList<>(3);
        if (outcome != null && outcome != o.outcome()) {
            missed.add("outcome");
        }
        if (reasons != null && !reasons.equals(o.reasonSet())) {
            missed.add("reasons");
        }
        if (state != null && !o.states().stream().allMatch(state::equals)) {
            missed.add("state");
        }
        return missed;
    }
}
