package org.enrollment.core.command;

import org.enrollment.core.child.MaskedText;
import org.enrollment.core.child.ResidentId;
/**
 * A school issues the admission notice (发放录取通知书) to one approved child, or to all its approved children when {@code child} is {@code null}.
 *
 * @param child the child's resident ID, or {@code null} for every approved child of the school
 */
public record Admit(@ResidentIdText String child) implements ChildCommand {

    /** The school issues the admission notice to this approved child. */
    public static Admit child(ResidentId child) {
        return new Admit(child.value());
    }

    /** The school issues admission notices to all its approved children. */
    public static Admit all() {
        return new Admit(null);
    }

    @Override
    public CommandKind kind() {
        return CommandKind.ADMIT;
    }

    /** The command with resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
