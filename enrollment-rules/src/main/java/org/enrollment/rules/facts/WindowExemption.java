package org.enrollment.rules.facts;

import java.util.Objects;

/**
 * The online window does not bind this command: a rule of another policy (e.g. the boarding grace) says so,
 * and the "Online window" rule holds back when it finds one.
 *
 * @param because the clause that grants it, for people reading a session's facts
 */
public record WindowExemption(String because) {

    /** Validates the field. */
    public WindowExemption {
        Objects.requireNonNull(because, "because");
    }
}
