package org.enrollment.core.registration;

import java.time.Instant;
import java.util.Objects;
import org.enrollment.core.child.MaskedText;

/**
 * One line of a registration's history: what happened, when, the state it led to and the reason given.
 *
 * @param at when it happened
 * @param step what happened; {@code null} for the registration's creation
 * @param state the state after it
 * @param reason the reason given (a failed verification, a return, a release), or {@code null}
 */
public record RegistrationEvent(Instant at, Step step, RegistrationState state, String reason) {

    /** Validates the required fields. */
    public RegistrationEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(state, "state");
    }

    /** The record's usual form, resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
