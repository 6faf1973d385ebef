package org.enrollment.core.command;

import jakarta.validation.constraints.Size;
import org.enrollment.core.child.MaskedText;
import org.enrollment.core.child.ResidentId;

/**
 * A district approves (审批) a school's whole submitted list, or one entry: UNDER_REVIEW to APPROVED. Exactly one of {@code school} and {@code child} is given.
 *
 * @param school the school whose list is approved, or {@code null}
 * @param child the child whose entry is approved, or {@code null}
 */
public record Approve(@Size(max = 64) String school, @ResidentIdText String child) implements ChildCommand {

    /** The district approves one child's entry. */
    public static Approve entry(ResidentId child) {
        return new Approve(null, child.value());
    }

    /** The district approves the school's whole submitted list. */
    public static Approve list(String school) {
        return new Approve(school, null);
    }

    @Override
    public CommandKind kind() {
        return CommandKind.APPROVE;
    }

    /** The command with resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
