package org.enrollment.core.command;

import jakarta.validation.constraints.NotNull;

/**
 * The city creates the student record (建档) from the admitted registration. Only the city may.
 *
 * @param child the child's resident ID
 */
public record FileStudentRecord(@NotNull @ResidentIdText String child) implements ChildCommand {

    @Override
    public CommandKind kind() {
        return CommandKind.FILE;
    }
}
