package org.enrollment.core.registry;

import java.util.List;

/**
 * This node's season is not the one the shared store (the city database) holds, so the node refuses to act:
 * it would judge by another window, plan or quota than every other node. Thrown at start, with the
 * differences listed, or once another node deliberately changed the season (at the node's next commit at the
 * latest: the store checks the season in the commit's own transaction). Broken configuration, not a
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

    /**
     * The season a node judged by is no longer the one the shared store holds: another node changed it. What a
     * shared store throws when it refuses, in the commit's own transaction, a change or entry judged by the old one.
     *
     * @param held the fingerprint of the season the store holds now
     * @param judgedBy the fingerprint of the season the command was judged by
     */
    public static SeasonMismatchException changed(String held, String judgedBy) {
        return new SeasonMismatchException("The database's season was changed (now " + held + ", this node's is " + judgedBy
                + "); this node stops acting until it is started with it.", List.of());
    }

    /** What differs, one term a line, e.g. {@code school HD001 plan: 10 here, 5 there}. */
    public List<String> differences() {
        return differences;
    }
}
