package org.enrollment.core.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.enrollment.core.child.Household;
import org.enrollment.core.child.ResidentId;

/**
 * A child's registration (入学登记): the aggregate the lifecycle moves.
 *
 * <p>It is born SUBMITTED when a guardian registers online (or PRE_ADMITTED when a co-build unit's child is
 * selected), moves through verification, ticking, the district's review and admission, and ends FILED
 * when the city creates the student record, or WITHDRAWN. Instances are immutable: {@link #take} returns
 * the registration after a step, with one more line of history and the next version, or refuses.
 *
 * @param number the pre-registration number; never reused
 * @param child the child
 * @param name the child's name
 * @param household the child's household registration
 * @param district the district the registration was made in
 * @param school the target school's code
 * @param route how it came about
 * @param coBuildUnit the recommending unit for a CO_BUILD registration, else {@code null}
 * @param state where it is now
 * @param version a counter that grows by one with every step, for optimistic concurrency
 * @param history what happened to it, oldest first
 */
public record Registration(RegistrationNumber number, ResidentId child, String name, Household household,
                           String district, String school, Route route, String coBuildUnit,
                           RegistrationState state, long version, List<RegistrationEvent> history) {

    /** Validates the fields and freezes the history. */
    public Registration {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(child, "child");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(household, "household");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(state, "state");
        if ((route == Route.CO_BUILD) != (coBuildUnit != null)) {
            throw new IllegalArgumentException("Registration " + number + ": a co-build unit is named exactly when the route is CO_BUILD.");
        }
        history = List.copyOf(history);
    }

    /** A new registration, version 1, with its creation as the first line of history. */
    public static Registration create(RegistrationNumber number, ResidentId child, String name, Household household,
                                      String district, String school, Route route, String coBuildUnit,
                                      RegistrationState state, Instant at) {
        return new Registration(number, child, name, household, district, school, route, coBuildUnit, state, 1,
                List.of(new RegistrationEvent(at, null, state, null)));
    }

    /**
     * The registration after the step, or empty when its state does not allow the step.
     *
     * @param reason the reason given with the step, or {@code null}
     */
    public Optional<Registration> take(Step step, Instant at, String reason) {
        return state.after(step).map(next -> withHistory(next, new RegistrationEvent(at, step, next, reason),
                name, household, school));
    }

    /** The registration with corrected information (an AMEND step), or empty when its state does not allow it. */
    public Optional<Registration> amend(String newName, Household newHousehold, String newSchool, Instant at) {
        return state.after(Step.AMEND).map(next -> withHistory(next, new RegistrationEvent(at, Step.AMEND, next, null),
                newName, newHousehold, newSchool));
    }

    private Registration withHistory(RegistrationState next, RegistrationEvent event, String newName,
                                     Household newHousehold, String newSchool) {
        List<RegistrationEvent> events = new ArrayList<>(history.size() + 1);
        events.addAll(history);
        events.add(event);
        return new Registration(number, child, newName, newHousehold, district, newSchool, route, coBuildUnit,
                next, version + 1, events);
    }

    /** When the last step that led to the given state was taken, if it ever was. */
    public Optional<Instant> lastEntered(RegistrationState s) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).state() == s) {
                return Optional.of(history.get(i).at());
            }
        }
        return Optional.empty();
    }

    /** Whether it still holds the child. */
    public boolean isActive() {
        return state.isActive();
    }

    @Override
    public String toString() {
        return ResidentId.maskAll("Registration[" + number + ", child " + child + ", " + route + " at " + school + " (" + district + "), "
                + state + ", v" + version + "]");
    }
}
