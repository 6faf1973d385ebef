package org.enrollment.core.registration;

/**
 * A step of the lifecycle: what a command does to one registration. {@link RegistrationState} says from
 * which states each step may be taken and where it leads.
 */
public enum Step {
    /** The guardian corrects the information (修改). */
    AMEND,
    /** The guardian deletes the registration (删除). */
    WITHDRAW,
    /** The school checked the documents and they are in order (审核通过). */
    VERIFY_PASS,
    /** The school checked the documents and they are not (审核未通过). */
    VERIFY_FAIL,
    /** The school ticks the child: pre-admission (打钩, 预录取). */
    TICK,
    /** The school takes the tick back. */
    UNTICK,
    /** The school submits its ticked list to the district (上报). */
    SUBMIT,
    /** The district approves the entry (审批通过). */
    APPROVE,
    /** The district returns the entry to the school (退回). */
    RETURN,
    /** The district withdraws a registration not yet approved (释放). */
    RELEASE,
    /** The school issues the admission notice (发放录取通知书). */
    ADMIT,
    /** The city creates the student record (建档). */
    FILE,
    /** The boarding school admits the child (寄宿录取). */
    BOARDING_ADMIT,
    /** The boarding school rejects the child. */
    BOARDING_REJECT,
    /** A co-build selection replaces this registration of the child. */
    SUPERSEDE
}
