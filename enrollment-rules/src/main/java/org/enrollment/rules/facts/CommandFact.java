package org.enrollment.rules.facts;

import java.time.Instant;
import org.enrollment.core.command.ActorKind;
import org.enrollment.core.command.CommandKind;

/**
 * The command being judged (命令): what, by whom, when, and the school's result where it gives one. Made
 * from a {@link org.enrollment.core.policy.PolicyQuestion}, which holds every field but the result non-null.
 *
 * @param kind what is asked, e.g. {@code CommandKind.REGISTER}
 * @param actor who asks, e.g. {@code ActorKind.GUARDIAN}
 * @param actorId the school code, district code or unit id of the actor; empty for a guardian or the city
 * @param at when
 * @param result the school's result of a {@code verify} or {@code boarding-decide}, else {@code null}
 */
public record CommandFact(CommandKind kind, ActorKind actor, String actorId, Instant at, Result result) {
}
