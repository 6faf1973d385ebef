package org.enrollment.examples;

import java.util.List;

/** A folder of rule files could not be loaded: each problem as {@code file:line: message}. */
public final class RulesNotLoadedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * The problems found loading a folder.
     *
     * @param folder the folder, as written
     * @param problems each problem, {@code file:line: message}
     */
    public RulesNotLoadedException(String folder, List<String> problems) {
        super("The rules in " + folder + " do not load (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ").");
        this.problems = List.copyOf(problems);
    }

    /** Each problem, {@code file:line: message}. */
    public List<String> problems() {
        return problems;
    }
}
