package org.enrollment.core.command;

import jakarta.validation.constraints.NotNull;

/**
 * A school takes back its tick: the child returns to VERIFIED and frees the place.
 *
 * @param child the child's resident ID
 */
public record Untick(@NotNull @ResidentIdText String child) implements ChildCommand {

    @Override
    public CommandKind kind() {
        return CommandKind.UNTICK;
    }
}
