package org.enrollment.examples.scenario;

import java.time.OffsetDateTime;
import java.util.Objects;
import org.enrollment.core.command.Command;

/**
 * One command line of a scenario file: when, by whom, what, and what should come of it.
 *
 * @param line the 1-based line number in the file (0 for a command not yet written)
 * @param at when the command is given
 * @param actor the actor as written ({@code as}); a malformed one is judged and refused, not a file error
 * @param command the command
 * @param expect what should come of it; {@link Expectation#nothing()} when the line expects nothing
 */
public record ScenarioCommand(int line, OffsetDateTime at, String actor, Command command, Expectation expect) {

    /** Validates the fields. */
    public ScenarioCommand {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(expect, "expect");
    }

    /** The same command expecting this. */
    public ScenarioCommand expecting(Expectation e) {
        return new ScenarioCommand(line, at, actor, command, e);
    }
}
