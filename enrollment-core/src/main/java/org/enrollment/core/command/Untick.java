package org.enrollment.core.command;

import jakarta.validation.constraints.NotNull;
import org.enrollment.core.child.MaskedText;
import org.enrollment.core.child.ResidentId;

/**
 * A school takes back its tick: the child returns to VERIFIED and frees the place.
 *
 * @param child the child's resident ID
 */
public record Untick(@NotNull @ResidentIdText String child) implements ChildCommand {

    /** The school takes the child's tick back. */
    public static Untick of(ResidentId child) {
        return new Untick(child.value());
    }

    @Override
    public CommandKind kind() {
        return CommandKind.UNTICK;
    }

    /** The command with resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
