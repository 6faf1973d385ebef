package org.enrollment.core.command;

/**
 * A command that names one child by the resident ID in its {@code child} field: the one way the registry,
 * the scenario files and the audit log learn which child a command is about.
 *
 * <p>{@link Admit} and {@link Approve} may name none: without a child they act on a school's whole list.
 */
public sealed interface ChildCommand extends Command permits Register, Amend, Withdraw, Verify, Tick, Untick,
        ReturnEntry, Release, Admit, FileStudentRecord, BoardingDecide, Approve {

    /**
     * The child's resident ID as the form or file gave it (not yet validated); {@code null} where the command
     * names no child ({@link Admit} and {@link Approve} of a whole list).
     */
    String child();
}
