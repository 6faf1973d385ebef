package org.enrollment.rules;

import java.util.Objects;

/**
 * Something wrong with a rule file: which file, which line, and what, as the rule compiler or the smoke
 * check found it.
 *
 * @param file the file's name in its folder, e.g. {@code eligibility.drl}; empty when the problem is with
 *             the folder as a whole
 * @param line the line, counted from 1; 0 when no line can be told (for a decision table, the row)
 * @param message what is wrong
 */
public record RuleProblem(String file, int line, String message) {

    /** Validates the fields. */
    public RuleProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 or more, was " + line + ".");
        }
    }

    /** The usual compiler form: {@code file:line: message}. */
    @Override
    public String toString() {
        return (file.isEmpty() ? "(folder)" : file) + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
