package org.enrollment.rules.facts;

import java.util.Optional;
import org.enrollment.core.policy.PolicyQuestion;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.registration.Route;

/**
 * A child on a co-build list (共建名单), with whether the command selects the child and the child's
 * registration that is not WITHDRAWN, if there is one. The {@code registration…} properties are
 * {@code null} (or {@code false}) for a child who holds none.
 */
public final class ListedChildFact extends ChildFact {

    private final boolean selected;
    private final RegistrationState registrationState;
    private final Route registrationRoute;
    private final String registrationSchool;

    /** The facts of a child on the list. */
    public ListedChildFact(PolicyQuestion.CoBuildChild listed) {
        super(listed.child());
        this.selected = listed.selected();
        Optional<Registration> active = listed.active();
        this.registrationState = active.map(Registration::state).orElse(null);
        this.registrationRoute = active.map(Registration::route).orElse(null);
        this.registrationSchool = active.map(Registration::school).orElse(null);
    }

    /** Whether the child gets a co-build registration with this command. */
    public boolean isSelected() {
        return selected;
    }

    /** Whether the child holds a registration that is not WITHDRAWN. */
    public boolean isRegistered() {
        return registrationState != null;
    }

    /** The state of that registration, or {@code null}. */
    public RegistrationState getRegistrationState() {
        return registrationState;
    }

    /** The route of that registration, or {@code null}. */
    public Route getRegistrationRoute() {
        return registrationRoute;
    }

    /** The school that registration names, or {@code null}. */
    public String getRegistrationSchool() {
        return registrationSchool;
    }

    /** Whether that registration takes a place in its school's plan (PRE_ADMITTED and later). */
    public boolean isRegistrationTakesPlace() {
        return registrationState != null && registrationState.occupiesPlace();
    }

    @Override
    public String toString() {
        return "ListedChildFact[" + getChild() + (selected ? ", selected" : "")
                + (registrationState == null ? "" : ", " + registrationRoute + " " + registrationState + " at " + registrationSchool) + "]";
    }
}
