package org.enrollment.core.command;

import java.util.Objects;
import org.enrollment.core.child.MaskedText;

/**
 * Why a command was refused, or advice that came with it: a stable code, the rule that said so, and a
 * message in Chinese and in English. Messages never show a raw resident ID.
 *
 * @param code the stable code
 * @param rule the name of the rule or check that gave it, e.g. {@code eligibility: age cut-off}
 * @param messageZh the message in Chinese
 * @param messageEn the message in English
 */
public record Reason(ReasonCode code, String rule, String messageZh, String messageEn) {

    /** Validates the fields. */
    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(messageZh, "messageZh");
        Objects.requireNonNull(messageEn, "messageEn");
    }

    /** The record's usual form, resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
