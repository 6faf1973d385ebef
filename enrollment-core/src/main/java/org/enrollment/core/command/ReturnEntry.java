package org.enrollment.core.command;

import jakarta.validation.constraints.NotNull;

/**
 * A district returns an entry of a submitted list to the school (退回), with a reason: UNDER_REVIEW to VERIFIED.
 *
 * @param child the child's resident ID
 * @param reason why, 1 to 200 characters
 */
public record ReturnEntry(@NotNull @ResidentIdText String child, @NotNull @PlainText(max = 200) String reason) implements ChildCommand {

    @Override
    public CommandKind kind() {
        return CommandKind.RETURN;
    }
}
