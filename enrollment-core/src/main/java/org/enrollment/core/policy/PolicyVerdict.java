package org.enrollment.core.policy;

import java.util.List;
import java.util.Objects;
import org.enrollment.core.child.MaskedText;
import org.enrollment.core.command.Reason;

/**
 * What the policies said about a command: every refusal and every piece of advice that applies, and the
 * names of the rules that fired. No refusal means the policies accept.
 *
 * @param reasons refusals and advice, in the order the rules gave them
 * @param rulesFired names of the rules that fired
 * @param ruleSet the {@linkplain PolicyEngine#fingerprint fingerprint} of the rule set that judged (规则集指纹), which
 *                the audit entry records; empty when the engine does not say, and the registry records the
 *                engine's fingerprint at the time of the entry
 */
public record PolicyVerdict(List<Reason> reasons, List<String> rulesFired, String ruleSet) {

    /** Freezes the lists. */
    public PolicyVerdict {
        reasons = List.copyOf(reasons);
        rulesFired = List.copyOf(rulesFired);
        Objects.requireNonNull(ruleSet, "ruleSet");
    }

    /** A verdict that does not say which rule set gave it. */
    public PolicyVerdict(List<Reason> reasons, List<String> rulesFired) {
        this(reasons, rulesFired, "");
    }

    /**
     * This verdict, given by the rule set of this fingerprint: an engine whose rules can be swapped while it judges
     * says which judged, so that a reload between the judgement and its audit entry cannot name the wrong rules.
     */
    public PolicyVerdict judgedBy(String fingerprint) {
        return new PolicyVerdict(reasons, rulesFired, fingerprint);
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
