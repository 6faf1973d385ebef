package org.enrollment.core.command;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;
import org.enrollment.core.child.MaskedText;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.registration.BoardingDecision;

/**
 * A boarding school decides on a BOARDING application (寄宿学校录取决定): {@code admit} pre-admits the child, {@code reject} lets the child withdraw and re-register in the household district.
 *
 * @param child the child's resident ID
 * @param result {@code admit} or {@code reject}
 */
public record BoardingDecide(@NotNull @ResidentIdText String child, @NotNull @Pattern(regexp = "admit|reject", message = "must be admit or reject") String result) implements ChildCommand {

    /**
     * The decision as its type.
     *
     * @throws IllegalArgumentException when {@code result} is neither {@code admit} nor {@code reject} (the
     *         registry refuses such a command as input before it asks)
     */
    public BoardingDecision decision() {
        return BoardingDecision.valueOf(result.toUpperCase(Locale.ROOT));
    }

    /** The boarding school decides so on the child's application. */
    public static BoardingDecide of(ResidentId child, BoardingDecision decision) {
        return new BoardingDecide(child.value(), decision.name().toLowerCase(Locale.ROOT));
    }

    @Override
    public CommandKind kind() {
        return CommandKind.BOARDING_DECIDE;
    }

    /** The command with resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
