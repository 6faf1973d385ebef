package org.enrollment.core.command;

/**
 * A school issues the admission notice (发放录取通知书) to one approved child, or to all its approved children when {@code child} is {@code null}.
 *
 * @param child the child's resident ID, or {@code null} for every approved child of the school
 */
public record Admit(@ResidentIdText String child) implements ChildCommand {

    @Override
    public CommandKind kind() {
        return CommandKind.ADMIT;
    }
}
