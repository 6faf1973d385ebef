package org.enrollment.core.command;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A boarding school decides on a BOARDING application (寄宿学校录取决定): {@code admit} pre-admits the child, {@code reject} lets the child withdraw and re-register in the household district.
 *
 * @param child the child's resident ID
 * @param result {@code admit} or {@code reject}
 */
public record BoardingDecide(@NotNull @ResidentIdText String child, @NotNull @Pattern(regexp = "admit|reject", message = "must be admit or reject") String result) implements ChildCommand {

    @Override
    public CommandKind kind() {
        return CommandKind.BOARDING_DECIDE;
    }
}
