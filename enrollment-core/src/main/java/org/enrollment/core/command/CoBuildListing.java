package org.enrollment.core.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.enrollment.core.child.MaskedText;
import org.enrollment.core.registration.ListedChild;

/**
 * A co-build unit gives a school its list of children (共建名单). A list within the quota left is selected at once; a longer one waits for the school's selection.
 *
 * @param school the school's code
 * @param children the children on the list, each once
 */
public record CoBuildListing(@NotNull @Size(max = 64) String school, @NotNull @Size(min = 1, max = 10_000) List<@NotNull @Valid ListedChildText> children) implements Command {

    /** A co-build unit gives the school this list. */
    public static CoBuildListing of(String school, List<ListedChild> children) {
        return new CoBuildListing(school, children.stream()
                .map(c -> new ListedChildText(c.child().value(), c.name(), c.household().toString())).toList());
    }

    @Override
    public CommandKind kind() {
        return CommandKind.COBUILD_LIST;
    }

    /** The command with resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
