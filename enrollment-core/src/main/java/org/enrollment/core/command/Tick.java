package org.enrollment.core.command;

import jakarta.validation.constraints.NotNull;
import org.enrollment.core.child.MaskedText;
import org.enrollment.core.child.ResidentId;

/**
 * A school ticks a verified child: pre-admission (打钩, 预录取). Needs a place in the school's plan.
 *
 * @param child the child's resident ID
 */
public record Tick(@NotNull @ResidentIdText String child) implements ChildCommand {

    /** The school ticks the child. */
    public static Tick of(ResidentId child) {
        return new Tick(child.value());
    }

    @Override
    public CommandKind kind() {
        return CommandKind.TICK;
    }

    /** The command with resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
