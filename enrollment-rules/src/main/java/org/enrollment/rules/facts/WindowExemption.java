package org.enrollment.rules.facts;

import java.util.Objects;

/**
 * The online window does not bind this command: a rule of another policy (e.g. the boarding grace) says so,
 * and the "Online window" rule holds back when it finds one.
 */
public final class WindowExemption {

    private final String because;

    /**
     * An exemption.
     *
     * @param because the clause that grants it, for people reading a session's facts
     */
    public WindowExemption(String because) {
        this.because = Objects.requireNonNull(because, "because");
    }

    /** The clause that grants it. */
    public String getBecause() {
        return because;
    }

    @Override
    public String toString() {
        return "WindowExemption[" + because + "]";
    }
}
