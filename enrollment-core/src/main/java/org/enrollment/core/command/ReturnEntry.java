package org.enrollment.core.command;

import jakarta.validation.constraints.NotNull;
import org.enrollment.core.child.MaskedText;
import org.enrollment.core.child.ResidentId;

/**
 * A district returns an entry of a submitted list to the school (退回), with a reason: UNDER_REVIEW to VERIFIED.
 *
 * @param child the child's resident ID
 * @param reason why, 1 to 200 characters
 */
public record ReturnEntry(@NotNull @ResidentIdText String child, @NotNull @PlainText(max = 200) String reason) implements ChildCommand {

    /** The district returns the child's entry to the school, for this reason. */
    public static ReturnEntry of(ResidentId child, String reason) {
        return new ReturnEntry(child.value(), reason);
    }

    @Override
    public CommandKind kind() {
        return CommandKind.RETURN;
    }

    /** The command with resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
