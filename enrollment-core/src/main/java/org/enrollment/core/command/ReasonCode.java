package org.enrollment.core.command;

/**
 * Stable reason codes. Refusals end a command; advice codes come with an accepted one. Host systems,
 * scenario files and the audit log quote these names: they never change meaning.
 */
public enum ReasonCode {
    /** A field is missing or malformed. */
    INVALID_INPUT(false),
    /** The resident ID fails GB 11643-1999: length, date or check character. */
    INVALID_RESIDENT_ID(false),
    /** No district has that code. */
    UNKNOWN_DISTRICT(false),
    /** No school has that code this season. */
    UNKNOWN_SCHOOL(false),
    /** The child has no registration (or no co-build list is waiting, or the child is not on it). */
    UNKNOWN_REGISTRATION(false),
    /** The online window is not open. */
    WINDOW_NOT_OPEN(false),
    /** The child is not six by 31 August of the year. */
    AGE_NOT_ELIGIBLE(false),
    /** The child already holds a registration that is not withdrawn (or, for co-build, a co-build one). */
    DUPLICATE_REGISTRATION(false),
    /** The school is not in the district of the registration. */
    SCHOOL_NOT_IN_DISTRICT(false),
    /** The actor may not give this command to this registration. */
    NOT_AUTHORIZED(false),
    /** The registration's state does not allow the command. */
    ILLEGAL_TRANSITION(false),
    /** The school's plan has no place left. */
    PLAN_FULL(false),
    /** A document the policy requires was not shown. */
    DOCUMENTS_MISSING(false),
    /** A boarding registration names a school that does not board. */
    NOT_A_BOARDING_SCHOOL(false),
    /** After a boarding rejection, a 京籍 child must re-register in the household district. */
    REREGISTRATION_NOT_IN_HOUSEHOLD_DISTRICT(false),
    /** The co-build unit has no agreement with the school this season. */
    COBUILD_NO_AGREEMENT(false),
    /** More children than the unit's quota left at the school. */
    COBUILD_OVER_QUOTA(false),
    /** The child's registration is already approved or later. */
    ALREADY_APPROVED(false),
    /** Advice: a co-build child without a registration should register online as a fallback. */
    ADVICE_REGISTER_ONLINE(true),
    /** Advice: a co-build selection withdrew another registration of a selected child. */
    SUPERSEDED_ONLINE_REGISTRATION(true),
    /**
     * 规则执行失败: the policies could not judge the command (a rule threw, fired past the limit or ran past the
     * time budget); the message names the rule. The rules in force need fixing or rolling back.
     */
    POLICY_FAILED(false);

    private final boolean advice;

    ReasonCode(boolean advice) {
        this.advice = advice;
    }

    /** Whether the code is advice, which leaves the command accepted, rather than a refusal. */
    public boolean isAdvice() {
        return advice;
    }
}
