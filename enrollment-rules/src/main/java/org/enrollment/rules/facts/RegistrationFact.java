package org.enrollment.rules.facts;

import java.time.Instant;
import java.util.Objects;
import org.enrollment.core.child.Household;
import org.enrollment.core.registration.NewRegistration;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.registration.Route;

/**
 * A registration (入学登记) the command concerns, in one {@link Role}: the one it acts on, the one it would
 * make, or one the child made before.
 *
 * @param role which registration this is, seen from the command
 * @param state where it is in its lifecycle
 * @param route how it came about: ONLINE, BOARDING or CO_BUILD
 * @param district the district it is made in
 * @param school the code of the school it names
 * @param householdKind 京籍 or 非京籍
 * @param householdCode the household's district code (京籍) or province code (非京籍)
 * @param latest whether it is the child's latest registration
 * @param boardingRejectedAt when a boarding school last rejected it (寄宿未录取), or {@code null} when none did
 */
public record RegistrationFact(Role role, RegistrationState state, Route route, String district, String school,
                               HouseholdKind householdKind, String householdCode, boolean latest,
                               Instant boardingRejectedAt) {

    /** Validates the fields. */
    public RegistrationFact {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(householdKind, "householdKind");
    }

    /**
     * An existing registration.
     *
     * @param role {@link Role#TARGET} or {@link Role#EARLIER}
     * @param latest whether it is the child's latest registration
     */
    public static RegistrationFact of(Role role, Registration r, boolean latest) {
        return new RegistrationFact(role, r.state(), r.route(), r.district(), r.school(), kindOf(r.household()),
                r.household().code(), latest, r.lastEntered(RegistrationState.BOARDING_REJECTED).orElse(null));
    }

    /** The registration a {@code register} or {@code amend} would make ({@link Role#PROPOSED}). */
    public static RegistrationFact proposed(NewRegistration r) {
        return new RegistrationFact(Role.PROPOSED, r.state(), r.route(), r.district(), r.school(), kindOf(r.household()),
                r.household().code(), true, null);
    }

    private static HouseholdKind kindOf(Household household) {
        return household.beijing() ? HouseholdKind.BEIJING : HouseholdKind.NON_BEIJING;
    }

    /** Whether it still holds the child (every state but WITHDRAWN). */
    public boolean isActive() {
        return state.isActive();
    }

    /** Whether the household is registered in Beijing (京籍). */
    public boolean isBeijingHousehold() {
        return householdKind == HouseholdKind.BEIJING;
    }
}
