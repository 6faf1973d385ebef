package org.enrollment.core.command;

import jakarta.validation.constraints.NotNull;
import org.enrollment.core.child.MaskedText;
import org.enrollment.core.child.ResidentId;

/**
 * A guardian deletes the child's registration (删除): from SUBMITTED, VERIFICATION_FAILED or BOARDING_REJECTED.
 *
 * @param child the child's resident ID
 */
public record Withdraw(@NotNull @ResidentIdText String child) implements ChildCommand {

    /** The guardian withdraws the child's registration. */
    public static Withdraw of(ResidentId child) {
        return new Withdraw(child.value());
    }

    @Override
    public CommandKind kind() {
        return CommandKind.WITHDRAW;
    }

    /** The command with resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
