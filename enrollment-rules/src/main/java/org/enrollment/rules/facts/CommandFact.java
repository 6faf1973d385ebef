package org.enrollment.rules.facts;

import java.time.Instant;
import java.util.Objects;
import org.enrollment.core.command.ActorKind;
import org.enrollment.core.command.CommandKind;

/** The command being judged: what, by whom, when, and the school's result where it gives one. */
public final class CommandFact {

    private final CommandKind kind;
    private final ActorKind actor;
    private final String actorId;
    private final Instant at;
    private final Result result;

    /**
     * A command.
     *
     * @param kind what is asked
     * @param actor who asks
     * @param actorId the school code, district code or unit id of the actor; empty for a guardian or the city
     * @param at when
     * @param result the school's result of a {@code verify} or {@code boarding-decide}, else {@code null}
     */
    public CommandFact(CommandKind kind, ActorKind actor, String actorId, Instant at, Result result) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.actorId = Objects.requireNonNull(actorId, "actorId");
        this.at = Objects.requireNonNull(at, "at");
        this.result = result;
    }

    /** What is asked, e.g. {@code CommandKind.REGISTER}. */
    public CommandKind getKind() {
        return kind;
    }

    /** Who asks, e.g. {@code ActorKind.GUARDIAN}. */
    public ActorKind getActor() {
        return actor;
    }

    /** The actor's school code, district code or unit id; empty for a guardian or the city. */
    public String getActorId() {
        return actorId;
    }

    /** When the command is given. */
    public Instant getAt() {
        return at;
    }

    /** The school's result of a {@code verify} or {@code boarding-decide}; {@code null} for other commands. */
    public Result getResult() {
        return result;
    }

    @Override
    public String toString() {
        return "CommandFact[" + kind.text() + " by " + actor + (actorId.isEmpty() ? "" : ":" + actorId) + " at " + at
                + (result == null ? "" : ", " + result) + "]";
    }
}
