package org.enrollment.core.command;

import jakarta.validation.constraints.NotNull;
import org.enrollment.core.child.MaskedText;
import org.enrollment.core.child.ResidentId;

/**
 * The city creates the student record (建档) from the admitted registration. Only the city may.
 *
 * @param child the child's resident ID
 */
public record FileStudentRecord(@NotNull @ResidentIdText String child) implements ChildCommand {

    /** The city creates the child's student record. */
    public static FileStudentRecord of(ResidentId child) {
        return new FileStudentRecord(child.value());
    }

    @Override
    public CommandKind kind() {
        return CommandKind.FILE;
    }

    /** The command with resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
