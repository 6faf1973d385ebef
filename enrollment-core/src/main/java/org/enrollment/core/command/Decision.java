package org.enrollment.core.command;

import java.util.List;
import java.util.Objects;
import org.enrollment.core.child.MaskedText;
import org.enrollment.core.registration.Registration;

/**
 * What came of a command: the outcome, the reasons (refusals, or advice with an acceptance), the names
 * of the rules that fired, the registrations it concerned as they are after it, and its place in the
 * audit log.
 *
 * @param outcome accepted or refused
 * @param reasons the reasons; a refusal has at least one
 * @param rulesFired the names of the policy rules that fired, in firing order
 * @param registrations the registrations the command acted on (or, refused, would have acted on), after it
 * @param auditSequence the sequence number of the command's audit entry
 */
public record Decision(Outcome outcome, List<Reason> reasons, List<String> rulesFired,
                       List<Registration> registrations, long auditSequence) {

    /** Validates and freezes the lists. */
    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        reasons = List.copyOf(reasons);
        rulesFired = List.copyOf(rulesFired);
        registrations = List.copyOf(registrations);
        if (outcome == Outcome.REFUSED && reasons.stream().allMatch(r -> r.code().isAdvice())) {
            throw new IllegalArgumentException("A refused decision needs at least one refusal reason.");
        }
    }

    /** Whether the command took effect. */
    public boolean isAccepted() {
        return outcome == Outcome.ACCEPTED;
    }

    /** The reason codes, in order. */
    public List<ReasonCode> reasonCodes() {
        return reasons.stream().map(Reason::code).toList();
    }

    /** The record's usual form, resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
