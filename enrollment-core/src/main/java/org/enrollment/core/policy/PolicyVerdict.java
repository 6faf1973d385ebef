package org.enrollment.core.policy;

import java.util.List;
import org.enrollment.core.child.MaskedText;
import org.enrollment.core.command.Reason;

/**
 * What the policies said about a command: every refusal and every piece of advice that applies, and the
 * names of the rules that fired. No refusal means the policies accept.
 *
 * @param reasons refusals and advice, in the order the rules gave them
 * @param rulesFired names of the rules that fired
 */
public record PolicyVerdict(List<Reason> reasons, List<String> rulesFired) {

    /** Freezes the lists. */
    public PolicyVerdict {
        reasons = List.copyOf(reasons);
        rulesFired = List.copyOf(rulesFired);
    }

    /** Whether any reason is a refusal. */
    public boolean refuses() {
        return reasons.stream().anyMatch(r -> !r.code().isAdvice());
    }

    /** The record's usual form, resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
