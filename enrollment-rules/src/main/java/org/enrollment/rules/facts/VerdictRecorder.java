package org.enrollment.rules.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.enrollment.core.command.Reason;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.policy.PolicyVerdict;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * Records what the rules say about one command (the verdict) while they fire. Each judgement has its own, given to
 * its session as the global {@code verdict}; a rule's consequence calls {@link #refuse} or {@link #advise},
 * and the reason is put down under the name of the rule that is firing. As the filter of the session's
 * {@code fireAllRules} it also records every rule that fires, reasons given or not. (It was the session's agenda
 * listener: a session with a listener builds an event for every match made, cancelled and fired, and adding and
 * removing the listener for each judgement cost as much again; BENCHMARKS.md, session 10.)
 *
 * <p>Not thread-safe: one session, one thread.
 */
public final class VerdictRecorder implements AgendaFilter {

    private final List<Reason> reasons = new ArrayList<>(4);
    private final List<String> fired = new ArrayList<>(4);
    private String firing;

    /** A verdict with nothing said yet. */
    public VerdictRecorder() {
        // one per judgement
    }

    /**
     * The firing rule refuses the command.
     *
     * @param code a refusal code, e.g. {@code ReasonCode.WINDOW_NOT_OPEN}
     * @param messageZh the message in Chinese
     * @param messageEn the message in English
     * @throws IllegalArgumentException when the code is advice
     */
    public void refuse(ReasonCode code, String messageZh, String messageEn) {
        say(code, false, messageZh, messageEn);
    }

    /**
     * The firing rule gives advice: the command stays accepted.
     *
     * @param code an advice code, e.g. {@code ReasonCode.ADVICE_REGISTER_ONLINE}
     * @param messageZh the message in Chinese
     * @param messageEn the message in English
     * @throws IllegalArgumentException when the code is a refusal
     */
    public void advise(ReasonCode code, String messageZh, String messageEn) {
        say(code, true, messageZh, messageEn);
    }

    private void say(ReasonCode code, boolean advice, String messageZh, String messageEn) {
        Objects.requireNonNull(code, "code");
        if (firing == null) {
            throw new IllegalStateException("Reason " + code + " given outside a rule's consequence.");
        }
        if (code.isAdvice() != advice) {
            throw new IllegalArgumentException("Rule \"" + firing + "\" gives " + code + " with "
                    + (advice ? "advise" : "refuse") + ", but " + code + (code.isAdvice() ? " is advice." : " is a refusal.")
                    + "\nMaybe use verdict." + (advice ? "refuse" : "advise") + "(...) instead.");
        }
        reasons.add(new Reason(code, firing, messageZh, messageEn));
    }

    /**
     * Called by the session just before a match's consequence runs: that match's rule is firing. Always lets it
     * fire; a judging budget that stops the rules is a filter put in front of this one.
     */
    @Override
    public boolean accept(Match match) {
        firing = match.getRule().getName();
        fired.add(firing);
        return true;
    }

    /** The names of the rules fired so far, in the order they fired; a view, not a copy. */
    public List<String> rulesFired() {
        return Collections.unmodifiableList(fired);
    }

    /** The reasons given and the rules fired, as the policy port returns them. */
    public PolicyVerdict toPolicyVerdict() {
        return new PolicyVerdict(reasons, fired);
    }

    @Override
    public String toString() {
        return "VerdictRecorder[fired " + fired + ", reasons " + reasons.stream().map(r -> r.code().name()).toList() + "]";
    }
}
