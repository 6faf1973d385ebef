package org.enrollment.core.registry;

import java.util.List;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Outcome;
import org.enrollment.core.command.Reason;
import org.enrollment.core.policy.PolicyVerdict;
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
 * @param ruleSet the fingerprint of the rule set whose verdict it follows; empty when the policies were not asked
 *                or did not say
 */
record Judgement(Outcome outcome, List<Reason> reasons, List<String> rulesFired, List<Registration> concerned,
                 ChangeSet changes, List<ResidentId> children, String detail, String ruleSet) {

    private static final ChangeSet NOTHING = ChangeSet.of(List.of(), List.of(), java.util.Map.of());

    /** Refused by the policies' verdict. */
    static Judgement refused(PolicyVerdict verdict, List<Reason> refusals, List<Registration> concerned,
                             List<ResidentId> children, String detail) {
        return new Judgement(Outcome.REFUSED, refusals, verdict.rulesFired(), concerned, NOTHING, children, detail, verdict.ruleSet());
    }

    /** Refused before the policies were asked (input, authority, lifecycle) or by the store. */
    static Judgement refused(Reason reason, List<Registration> concerned, List<ResidentId> children, String detail) {
        return new Judgement(Outcome.REFUSED, List.of(reason), List.of(), concerned, NOTHING, children, detail, "");
    }

    /** Accepted after the policies' verdict, with its advice. */
    static Judgement accepted(ChangeSet changes, PolicyVerdict verdict, List<Registration> concerned, List<ResidentId> children,
                              String detail) {
        return new Judgement(Outcome.ACCEPTED, verdict.reasons(), verdict.rulesFired(), concerned, changes, children, detail,
                verdict.ruleSet());
    }
}
