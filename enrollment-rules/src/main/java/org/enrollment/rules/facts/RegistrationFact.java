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
 */
public final class RegistrationFact {

    private final Role role;
    private final RegistrationState state;
    private final Route route;
    private final String district;
    private final String school;
    private final Household household;
    private final boolean latest;
    private final Instant boardingRejectedAt;

    private RegistrationFact(Role role, RegistrationState state, Route route, String district, String school,
                             Household household, boolean latest, Instant boardingRejectedAt) {
        this.role = role;
        this.state = state;
        this.route = route;
        this.district = district;
        this.school = school;
        this.household = household;
        this.latest = latest;
        this.boardingRejectedAt = boardingRejectedAt;
    }

    /**
     * An existing registration.
     *
     * @param role {@link Role#TARGET} or {@link Role#EARLIER}
     * @param latest whether it is the child's latest registration
     */
    public static RegistrationFact of(Role role, Registration r, boolean latest) {
        Objects.requireNonNull(role, "role");
        return new RegistrationFact(role, r.state(), r.route(), r.district(), r.school(), r.household(), latest,
                r.lastEntered(RegistrationState.BOARDING_REJECTED).orElse(null));
    }

    /** The registration a {@code register} or {@code amend} would make ({@link Role#PROPOSED}). */
    public static RegistrationFact proposed(NewRegistration r) {
        return new RegistrationFact(Role.PROPOSED, r.state(), r.route(), r.district(), r.school(), r.household(), true, null);
    }

    /** Which registration this is, seen from the command. */
    public Role getRole() {
        return role;
    }

    /** Where it is in its lifecycle. */
    public RegistrationState getState() {
        return state;
    }

    /** Whether it still holds the child (every state but WITHDRAWN). */
    public boolean isActive() {
        return state.isActive();
    }

    /** How it came about: ONLINE, BOARDING or CO_BUILD. */
    public Route getRoute() {
        return route;
    }

    /** The district it is made in. */
    public String getDistrict() {
        return district;
    }

    /** The code of the school it names. */
    public String getSchool() {
        return school;
    }

    /** 京籍 or 非京籍. */
    public HouseholdKind getHouseholdKind() {
        return household.beijing() ? HouseholdKind.BEIJING : HouseholdKind.NON_BEIJING;
    }

    /** Whether the household is registered in Beijing (京籍). */
    public boolean isBeijingHousehold() {
        return household.beijing();
    }

    /** The household's district code (京籍) or province code (非京籍). */
    public String getHouseholdCode() {
        return household.code();
    }

    /** Whether it is the child's latest registration. */
    public boolean isLatest() {
        return latest;
    }

    /** When a boarding school last rejected it (寄宿未录取), or {@code null} when none did. */
    public Instant getBoardingRejectedAt() {
        return boardingRejectedAt;
    }

    @Override
    public String toString() {
        return "RegistrationFact[" + role + ", " + route + " " + state + " at " + school + " (" + district + "), household "
                + household + (latest ? ", latest" : "") + (boardingRejectedAt == null ? "" : ", boarding rejected " + boardingRejectedAt) + "]";
    }
}
