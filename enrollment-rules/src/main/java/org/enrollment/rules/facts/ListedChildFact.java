package org.enrollment.rules.facts;

import java.util.Optional;
import org.enrollment.core.policy.PolicyQuestion;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.registration.Route;

/**
 * A child on a co-build list (共建名单上的儿童), with whether the command selects the child and the child's
 * registration that is not WITHDRAWN, if there is one. The {@code registration…} properties are
 * {@code null} for a child who holds none. The child's age is a {@link ChildFact} of its own.
 *
 * @param child the resident ID, masked
 * @param selected whether the child gets a co-build registration with this command
 * @param registrationState the state of the child's registration, or {@code null}
 * @param registrationRoute the route of that registration, or {@code null}
 * @param registrationSchool the school that registration names, or {@code null}
 */
public record ListedChildFact(String child, boolean selected, RegistrationState registrationState,
                              Route registrationRoute, String registrationSchool) {

    /** The facts of a candidate on the list. */
    public static ListedChildFact of(PolicyQuestion.Candidate candidate) {
        Optional<Registration> active = candidate.active();
        return new ListedChildFact(candidate.child().toString(), candidate.selected(),
                active.map(Registration::state).orElse(null), active.map(Registration::route).orElse(null),
                active.map(Registration::school).orElse(null));
    }

    /** Whether the child holds a registration that is not WITHDRAWN. */
    public boolean isRegistered() {
        return registrationState != null;
    }

    /** Whether that registration takes a place in its school's plan (PRE_ADMITTED and later). */
    public boolean isRegistrationTakesPlace() {
        return registrationState != null && registrationState.occupiesPlace();
    }
}
