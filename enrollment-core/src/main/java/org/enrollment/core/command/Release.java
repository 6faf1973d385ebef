package org.enrollment.core.command;

import jakarta.validation.constraints.NotNull;
import org.enrollment.core.child.MaskedText;
import org.enrollment.core.child.ResidentId;

/**
 * A district withdraws a registration not yet approved (释放), with a reason.
 *
 * @param child the child's resident ID
 * @param reason why, 1 to 200 characters
 */
public record Release(@NotNull @ResidentIdText String child, @NotNull @PlainText(max = 200) String reason) implements ChildCommand {

    /** The district releases the child's registration, for this reason. */
    public static Release of(ResidentId child, String reason) {
        return new Release(child.value(), reason);
    }

    @Override
    public CommandKind kind() {
        return CommandKind.RELEASE;
    }

    /** The command with resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
