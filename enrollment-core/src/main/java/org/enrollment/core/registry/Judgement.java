package org.enrollment.core.registry;

import java.util.List;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Outcome;
import org.enrollment.core.command.Reason;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.store.ChangeSet;

/**
 * What judging a command came to, before anything is written: refused with reasons, or accepted with the
 * change to write and any advice.
 *
 * @param outcome accepted or refused
 * @param reasons refusals, or advice for an acceptance
 * @param rulesFired names of the policy rules that fired
 * @param concerned the registrations the command acts on (or would have), as they are now
 * @param changes what an acceptance writes; empty for a refusal
 * @param children the children the command concerns, for the audit log's keyed references
 * @param detail what else the audit entry keeps
 */
record Judgement(Outcome outcome, List<Reason> reasons, List<String> rulesFired, List<Registration> concerned,
                 ChangeSet changes, List<ResidentId> children, String detail) {

    private static final ChangeSet NOTHING = ChangeSet.of(List.of(), List.of(), java.util.Map.of());

    static Judgement refused(List<Reason> reasons, List<String> rulesFired, List<Registration> concerned,
                             List<ResidentId> children, String detail) {
        return new Judgement(Outcome.REFUSED, reasons, rulesFired, concerned, NOTHING, children, detail);
    }

    static Judgement refused(Reason reason, List<Registration> concerned, List<ResidentId> children, String detail) {
        return refused(List.of(reason), List.of(), concerned, children, detail);
    }

    static Judgement accepted(ChangeSet changes, List<Reason> advice, List<String> rulesFired,
                              List<Registration> concerned, List<ResidentId> children, String detail) {
        return new Judgement(Outcome.ACCEPTED, advice, rulesFired, concerned, changes, children, detail);
    }
}
