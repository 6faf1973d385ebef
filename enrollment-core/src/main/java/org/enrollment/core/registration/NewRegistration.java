package org.enrollment.core.registration;

import java.time.Instant;
import java.util.Objects;
import org.enrollment.core.child.Household;
import org.enrollment.core.child.MaskedText;
import org.enrollment.core.child.ResidentId;

/**
 * A registration to be created, before the store issues its pre-registration number.
 *
 * @param year the season's year, part of the number
 * @param child the child
 * @param name the child's name
 * @param household the household registration
 * @param district the district it is made in, part of the number
 * @param school the target school
 * @param route how it came about
 * @param coBuildUnit the recommending unit of a CO_BUILD registration, else {@code null}
 * @param state the state it is born in
 * @param at when
 */
public record NewRegistration(int year, ResidentId child, String name, Household household, String district,
                              String school, Route route, String coBuildUnit, RegistrationState state, Instant at) {

    /** Validates the required fields. */
    public NewRegistration {
        Objects.requireNonNull(child, "child");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
    }

    /** The record's usual form, resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
