package org.enrollment.rules;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What came of a {@link DroolsPolicyEngine#reload()}: whether the new rules are now in force, the problems
 * that kept them out, and how long compiling and checking took.
 *
 * @param swapped whether the folder's rules replaced the rules in force
 * @param problems why they did not; empty when swapped (and for shipped rules, which never reload)
 * @param took how long the reload took
 */
public record ReloadResult(boolean swapped, List<RuleProblem> problems, Duration took) {

    /** Validates and freezes. */
    public ReloadResult {
        problems = List.copyOf(problems);
        Objects.requireNonNull(took, "took");
        if (swapped && !problems.isEmpty()) {
            throw new IllegalArgumentException("A reload that swapped has no problems, had " + problems + ".");
        }
    }
}
