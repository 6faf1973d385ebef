package org.enrollment.core.command;

/** The kinds of actor, each with its jurisdiction. */
public enum ActorKind {
    /** A child's guardian (监护人): registers, amends, withdraws. */
    GUARDIAN,
    /** A school (学校), by its code: verifies, ticks, submits its list, admits. */
    SCHOOL,
    /** A district commission (区教委), by its code: reviews, approves, returns, releases. */
    DISTRICT,
    /** The city commission (市教委): alone creates student records. */
    CITY,
    /** A co-build unit (共建单位), by its id: gives lists of children. */
    COBUILD
}
