package org.enrollment.core.command;

import jakarta.validation.constraints.Size;

/**
 * A district approves (审批) a school's whole submitted list, or one entry: UNDER_REVIEW to APPROVED. Exactly one of {@code school} and {@code child} is given.
 *
 * @param school the school whose list is approved, or {@code null}
 * @param child the child whose entry is approved, or {@code null}
 */
public record Approve(@Size(max = 64) String school, @ResidentIdText String child) implements ChildCommand {

    @Override
    public CommandKind kind() {
        return CommandKind.APPROVE;
    }
}
