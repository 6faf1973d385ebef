package org.enrollment.core.command;

import jakarta.validation.constraints.NotNull;

/**
 * A district withdraws a registration not yet approved (释放), with a reason.
 *
 * @param child the child's resident ID
 * @param reason why, 1 to 200 characters
 */
public record Release(@NotNull @ResidentIdText String child, @NotNull @PlainText(max = 200) String reason) implements ChildCommand {

    @Override
    public CommandKind kind() {
        return CommandKind.RELEASE;
    }
}
