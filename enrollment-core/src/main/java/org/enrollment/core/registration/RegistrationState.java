package org.enrollment.core.registration;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a registration is in its lifecycle. Each state lists the steps it allows and where they lead;
 * a step not listed is an illegal transition.
 */
public enum RegistrationState {
    /** Registered online, number issued (已登记). */
    SUBMITTED,
    /** The documents did not check out; the reason is kept (审核未通过). */
    VERIFICATION_FAILED,
    /** The school checked the documents (已审核). */
    VERIFIED,
    /** The boarding school said no (寄宿未录取). */
    BOARDING_REJECTED,
    /** Ticked: pre-admitted (预录取). */
    PRE_ADMITTED,
    /** On a submitted, frozen list (区审核中). */
    UNDER_REVIEW,
    /** The district approved (区已批准). */
    APPROVED,
    /** The admission notice is issued (已录取). */
    ADMITTED,
    /** The student record is created (已建档). Final. */
    FILED,
    /** Deleted; frees the child. Final; the number is never reused (已删除). */
    WITHDRAWN;

    private static final Map<RegistrationState, Map<Step, RegistrationState>> NEXT = new EnumMap<>(RegistrationState.class);

    static {
        for (RegistrationState s : values()) {
            NEXT.put(s, new EnumMap<>(Step.class));
        }
        allow(SUBMITTED, Step.AMEND, SUBMITTED);
        allow(SUBMITTED, Step.WITHDRAW, WITHDRAWN);
        allow(SUBMITTED, Step.VERIFY_PASS, VERIFIED);
        allow(SUBMITTED, Step.VERIFY_FAIL, VERIFICATION_FAILED);
        allow(SUBMITTED, Step.BOARDING_ADMIT, PRE_ADMITTED);
        allow(SUBMITTED, Step.BOARDING_REJECT, BOARDING_REJECTED);
        allow(VERIFICATION_FAILED, Step.AMEND, SUBMITTED);
        allow(VERIFICATION_FAILED, Step.WITHDRAW, WITHDRAWN);
        allow(VERIFIED, Step.TICK, PRE_ADMITTED);
        allow(BOARDING_REJECTED, Step.WITHDRAW, WITHDRAWN);
        allow(PRE_ADMITTED, Step.UNTICK, VERIFIED);
        allow(PRE_ADMITTED, Step.SUBMIT, UNDER_REVIEW);
        allow(UNDER_REVIEW, Step.APPROVE, APPROVED);
        allow(UNDER_REVIEW, Step.RETURN, VERIFIED);
        allow(APPROVED, Step.ADMIT, ADMITTED);
        allow(ADMITTED, Step.FILE, FILED);
        for (RegistrationState s : new RegistrationState[] {
                SUBMITTED, VERIFICATION_FAILED, VERIFIED, BOARDING_REJECTED, PRE_ADMITTED, UNDER_REVIEW}) {
            allow(s, Step.RELEASE, WITHDRAWN);
            allow(s, Step.SUPERSEDE, WITHDRAWN);
        }
    }

    private static void allow(RegistrationState from, Step step, RegistrationState to) {
        NEXT.get(from).put(step, to);
    }

    /** The state this step leads to, or empty when the step is not allowed from here. */
    public Optional<RegistrationState> after(Step step) {
        return Optional.ofNullable(NEXT.get(this).get(step));
    }

    /** Whether the step is allowed from this state. */
    public boolean allows(Step step) {
        return NEXT.get(this).containsKey(step);
    }

    /** Whether the registration still holds the child (every state but WITHDRAWN). */
    public boolean isActive() {
        return this != WITHDRAWN;
    }

    /** Whether the registration takes a place in the school's plan: PRE_ADMITTED and every later state. */
    public boolean occupiesPlace() {
        return this == PRE_ADMITTED || this == UNDER_REVIEW || this == APPROVED || this == ADMITTED || this == FILED;
    }

    /** Whether the district has approved it (APPROVED and later). */
    public boolean isApprovedOrLater() {
        return this == APPROVED || this == ADMITTED || this == FILED;
    }
}
