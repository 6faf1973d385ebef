package org.enrollment.core.registry;

import java.util.List;

/**
 * This node's season is not the one the shared store (the city database) holds, so the node refuses to act:
 * it would judge by another window, plan or quota than every other node. Thrown at start, with the
 * differences listed, or once another node deliberately changed the season. Broken configuration, not a
 * refusal: nothing was judged or written.
 */
public final class SeasonMismatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> differences;

    SeasonMismatchException(String what, List<String> differences) {
        super(what + (differences.isEmpty() ? "" : "\n  " + String.join("\n  ", differences))
                + "\nMaybe start this node with the season the database holds, or change it deliberately with "
                + "RegistryBuilder.changeSeason(operator).");
        this.differences = List.copyOf(differences);
    }

    /** What differs, one term a line, e.g. {@code school HD001 plan: 10 here, 5 there}. */
    public List<String> differences() {
        return differences;
    }
}
