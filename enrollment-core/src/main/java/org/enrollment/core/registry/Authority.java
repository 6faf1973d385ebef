package org.enrollment.core.registry;

import java.util.Optional;
import org.enrollment.core.command.ActorKind;
import org.enrollment.core.command.Reason;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;

/**
 * Step 2 of judging, authority (权限): who may give a command. Each check gives the refusal, or {@code null}
 * when the actor may.
 */
final class Authority {

    private Authority() {
    }

    /** A check of the case's actor. */
    @FunctionalInterface
    interface Check {
        Reason of(Case c);
    }

    /** Only an actor of this kind; the refusal says the jurisdiction, in Chinese and in English. */
    static Reason only(Case c, ActorKind kind, String jurisdictionZh, String jurisdictionEn) {
        return c.actor.kind() == kind ? null : Reasons.notAuthorized(c.actor, c.kind, jurisdictionZh, jurisdictionEn);
    }

    static Reason guardian(Case c) {
        return only(c, ActorKind.GUARDIAN, "只有家长可以执行此操作", "only a guardian does that");
    }

    static Reason city(Case c) {
        return only(c, ActorKind.CITY, "只有市教委可以建立学籍", "only the city commission creates student records");
    }

    /** The school the target registration names. */
    static Reason schoolOfTarget(Case c) {
        return c.actor.kind() == ActorKind.SCHOOL && c.actor.id().equals(c.target.school()) ? null
                : Reasons.notAuthorized(c.actor, c.kind, "登记 " + c.target.number() + " 属于学校 " + c.target.school(),
                        "registration " + c.target.number() + " names school " + c.target.school());
    }

    /** The district the target registration is in. */
    static Reason districtOfTarget(Case c) {
        return c.actor.kind() == ActorKind.DISTRICT && c.actor.id().equals(c.target.district()) ? null
                : Reasons.notAuthorized(c.actor, c.kind, "登记 " + c.target.number() + " 属于区 " + c.target.district(),
                        "registration " + c.target.number() + " is in district " + c.target.district());
    }

    /** The district the school is in. */
    static Reason districtOf(Case c, School school) {
        return c.actor.kind() == ActorKind.DISTRICT && c.actor.id().equals(school.district()) ? null
                : Reasons.notAuthorized(c.actor, c.kind, "学校 " + school.code() + " 属于区 " + school.district(),
                        "school " + school.code() + " is in district " + school.district());
    }

    /** The season's school that is the actor, if the actor is one. */
    static Optional<School> actingSchool(Case c, Season season) {
        return c.actor.kind() == ActorKind.SCHOOL ? season.school(c.actor.id()) : Optional.empty();
    }
}
