package org.enrollment.rules;

import java.util.HashSet;
import org.assertj.core.api.AbstractAssert;
import org.enrollment.core.command.Reason;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.policy.PolicyVerdict;

/** Assertions on a {@link PolicyVerdict}: which rules fired and the reasons they gave. */
final class VerdictAssert extends AbstractAssert<VerdictAssert, PolicyVerdict> {

    private VerdictAssert(PolicyVerdict actual) {
        super(actual, VerdictAssert.class);
    }

    static VerdictAssert assertThat(PolicyVerdict verdict) {
        return new VerdictAssert(verdict);
    }

    /** The rule fired and gave exactly one reason, with this code and both messages. */
    VerdictAssert fires(String rule, ReasonCode code) {
        isNotNull();
        fires(rule);
        long given = actual.reasons().stream().filter(r -> r.rule().equals(rule)).count();
        Reason reason = actual.reasons().stream().filter(r -> r.rule().equals(rule)).findFirst().orElse(null);
        if (given != 1 || reason.code() != code || reason.messageZh().isBlank() || reason.messageEn().isBlank()) {
            failWithMessage("Expected rule \"%s\" to give one reason %s with messages in Chinese and English, but it gave %s",
                    rule, code, actual.reasons());
        }
        return this;
    }

    /**
     * The same reasons and rules fired as the other verdict, each list in any order: rules of the same salience fire
     * in the order of their files when built one by one, and in Drools' own order when built together.
     */
    VerdictAssert judgesAs(PolicyVerdict other) {
        isNotNull();
        if (!new HashSet<>(actual.reasons()).equals(new HashSet<>(other.reasons()))
                || actual.reasons().size() != other.reasons().size()
                || !new HashSet<>(actual.rulesFired()).equals(new HashSet<>(other.rulesFired()))
                || actual.rulesFired().size() != other.rulesFired().size()) {
            failWithMessage("Expected the reasons %s and the rules fired %s, in any order, but were %s and %s",
                    other.reasons(), other.rulesFired(), actual.reasons(), actual.rulesFired());
        }
        return this;
    }

    /** The rule fired (a derivation gives no reason). */
    VerdictAssert fires(String rule) {
        isNotNull();
        if (!actual.rulesFired().contains(rule)) {
            failWithMessage("Expected rule \"%s\" to fire, but the rules fired were %s", rule, actual.rulesFired());
        }
        return this;
    }

    /** The rule did not fire and gave no reason. */
    VerdictAssert doesNotFire(String rule) {
        isNotNull();
        if (actual.rulesFired().contains(rule) || actual.reasons().stream().anyMatch(r -> r.rule().equals(rule))) {
            failWithMessage("Expected rule \"%s\" not to fire, but the rules fired were %s", rule, actual.rulesFired());
        }
        return this;
    }

    /** No rule refused: the policies accept (advice may come with it). */
    VerdictAssert accepts() {
        isNotNull();
        if (actual.refuses()) {
            failWithMessage("Expected the policies to accept, but they refused with %s", actual.reasons());
        }
        return this;
    }
}
