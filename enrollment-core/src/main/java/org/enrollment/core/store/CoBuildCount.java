package org.enrollment.core.store;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import org.enrollment.core.child.MaskedText;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.registration.Route;

/**
 * How many of a co-build unit's registrations at a school were not withdrawn when a co-build command was
 * judged: the places of its quota in use (共建名额). A store writes the command's change only while the
 * count it judged on still holds, checked under the school's lock before anything else; otherwise the change
 * is {@link CommitResult.Conflict#STALE} and the command is judged again. So two lists of one unit judged at
 * the same moment, each within the quota, cannot together pass it.
 *
 * @param unit the co-build unit
 * @param school the school's code
 * @param active the unit's registrations at the school that were not withdrawn
 */
public record CoBuildCount(String unit, String school, int active) {

    /** Checks the fields. */
    public CoBuildCount {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(school, "school");
        if (active < 0) {
            throw new IllegalArgumentException("A co-build count is 0 or more, was " + active + ".");
        }
    }

    /** The count of the unit's registrations at the school among these (a school's registrations, say). */
    public static CoBuildCount of(String unit, String school, Collection<Registration> registrations) {
        CoBuildCount none = new CoBuildCount(unit, school, 0);
        return new CoBuildCount(unit, school, (int) registrations.stream().filter(none::counts).count());
    }

    /** Whether the registration is one the count counts: not withdrawn, the unit's, at the school. */
    public boolean counts(Registration r) {
        return counts(r.route(), r.coBuildUnit(), r.school(), r.state());
    }

    /** Whether a registration of this route, unit, school and state is one the count counts. */
    public boolean counts(Route route, String coBuildUnit, String atSchool, RegistrationState state) {
        return route == Route.CO_BUILD && unit.equals(coBuildUnit) && school.equals(atSchool) && state.isActive();
    }

    /**
     * The store's answer when it holds {@code held} such registrations under the school's lock: nothing when
     * that is the count judged on, or the conflict that has the command judged again.
     */
    public Optional<CommitResult.Conflict> conflictIfNot(long held) {
        return held == active ? Optional.empty() : Optional.of(new CommitResult.Conflict(CommitResult.Conflict.Kind.STALE,
                "co-build unit " + unit + " now counts " + held + " at " + school + ", not the " + active + " judged on"));
    }

    /** The record's usual form, resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
