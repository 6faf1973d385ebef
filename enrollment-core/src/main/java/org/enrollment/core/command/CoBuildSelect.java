package org.enrollment.core.command;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.enrollment.core.child.MaskedText;
import org.enrollment.core.child.ResidentId;

/**
 * A school selects from the co-build list waiting for it (差额推荐选择): the selected children get CO_BUILD registrations, PRE_ADMITTED.
 *
 * @param children the selected children's resident IDs, each once
 */
public record CoBuildSelect(@NotNull @Size(min = 1, max = 10_000) List<@NotNull @ResidentIdText String> children) implements Command {

    /** The school selects these children from the list waiting. */
    public static CoBuildSelect of(List<ResidentId> children) {
        return new CoBuildSelect(children.stream().map(ResidentId::value).toList());
    }

    @Override
    public CommandKind kind() {
        return CommandKind.COBUILD_SELECT;
    }

    /** The command with resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
