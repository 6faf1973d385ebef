package org.enrollment.core.command;

/** Whether a command took effect. */
public enum Outcome {
    /** The command took effect (it may carry advice). */
    ACCEPTED,
    /** The command changed nothing; the reasons say why. It is still in the audit log. */
    REFUSED
}
