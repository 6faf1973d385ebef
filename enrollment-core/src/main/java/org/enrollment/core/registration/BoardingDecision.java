package org.enrollment.core.registration;

/** What a boarding school decided on a BOARDING application (寄宿学校录取决定). */
public enum BoardingDecision {
    /** The boarding school admits the child (寄宿录取): the registration is PRE_ADMITTED there. */
    ADMIT,
    /** It rejects the child (寄宿未录取): the child may withdraw and re-register in the household district. */
    REJECT
}
