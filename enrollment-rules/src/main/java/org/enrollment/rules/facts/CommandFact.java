package org.enrollment.rules.facts;

import java.time.Instant;
import java.util.Objects;
import org.enrollment.core.command.ActorKind;
import org.enrollment.core.command.CommandKind;

/**
 * The command being judged (命令): what, by whom, when, and the school's result where it gives one.
 *
 * @param kind what is asked, e.g. {@code CommandKind.REGISTER}
 * @param actor who asks, e.g. {@code ActorKind.GUARDIAN}
 * @param actorId the school code, district code or unit id of the actor; empty for a guardian or the city
 * @param at when
 * @param result the school's result of a {@code verify} or {@code boarding-decide}, else {@code null}
 */
public record CommandFact(CommandKind kind, ActorKind actor, String actorId, Instant at, Result result) {

    /** Validates the fields. */
    public CommandFact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(at, "at");
    }
}
