package org.enrollment.examples.scenario;

/**
 * The scenario file itself is wrong (exit code 2): a line that is not JSON, a first object that is not the
 * season, a missing {@code at}, {@code as} or {@code do}, an unknown {@code do}, a field of the wrong JSON
 * type, a time earlier than the line before, an empty file. It names the line and, where there is one, the
 * field. Messages never show a raw resident ID.
 */
public final class ScenarioFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final String field;
    private final String problem;

    /**
     * A problem at a line, with a field or without ({@code null}).
     *
     * @param line the 1-based line number in the file
     * @param field the field, e.g. {@code at} or {@code season.schools[1].plan}, or {@code null}
     * @param problem what is wrong, in English, with advice on a new line starting "Maybe" where useful
     */
    public ScenarioFileException(int line, String field, String problem) {
        super("line " + line + (field == null ? "" : ", field \"" + field + "\"") + ": " + problem);
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    /** The 1-based line number. */
    public int line() {
        return line;
    }

    /** The field, or {@code null} when the whole line is wrong. */
    public String field() {
        return field;
    }

    /** What is wrong, without the line and field. */
    public String problem() {
        return problem;
    }
}
