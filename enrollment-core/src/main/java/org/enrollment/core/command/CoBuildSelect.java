package org.enrollment.core.command;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A school selects from the co-build list waiting for it (差额推荐选择): the selected children get CO_BUILD registrations, PRE_ADMITTED.
 *
 * @param children the selected children's resident IDs, each once
 */
public record CoBuildSelect(@NotNull @Size(min = 1, max = 10_000) List<@NotNull @ResidentIdText String> children) implements Command {

    @Override
    public CommandKind kind() {
        return CommandKind.COBUILD_SELECT;
    }
}
