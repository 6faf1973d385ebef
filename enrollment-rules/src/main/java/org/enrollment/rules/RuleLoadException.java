package org.enrollment.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Rule files could not be loaded: they do not compile, fail the smoke check, or cannot be read. The
 * message lists every problem as {@code file:line: message}.
 */
public final class RuleLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<RuleProblem> problems;

    /**
     * An exception listing the problems.
     *
     * @param what what was being loaded, e.g. the folder
     * @param problems at least one problem
     */
    public RuleLoadException(String what, List<RuleProblem> problems) {
        super(message(what, problems));
        this.problems = List.copyOf(problems);
    }

    private static String message(String what, List<RuleProblem> problems) {
        return "The rules in " + what + " cannot be loaded (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }

    /** The problems found, in file order. */
    public List<RuleProblem> problems() {
        return problems;
    }
}
