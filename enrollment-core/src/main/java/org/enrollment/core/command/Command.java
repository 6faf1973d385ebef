package org.enrollment.core.command;

/**
 * A command to the registry: the raw fields a form or a scenario line carried, validated with Jakarta
 * Bean Validation before anything else happens. Fields are text so that any input, however wrong, can be
 * judged and refused with a reason that names the field.
 */
public sealed interface Command permits Register, Amend, Withdraw, Verify, Tick, Untick, SubmitList, Approve,
        ReturnEntry, Release, Admit, FileStudentRecord, BoardingDecide, CoBuildListing, CoBuildSelect {

    /** What kind of command this is. */
    CommandKind kind();
}
