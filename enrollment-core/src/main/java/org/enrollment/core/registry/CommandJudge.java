package org.enrollment.core.registry;

import java.time.Instant;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.Admit;
import org.enrollment.core.command.Amend;
import org.enrollment.core.command.Approve;
import org.enrollment.core.command.BoardingDecide;
import org.enrollment.core.command.CoBuildListing;
import org.enrollment.core.command.CoBuildSelect;
import org.enrollment.core.command.Command;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.Release;
import org.enrollment.core.command.ReturnEntry;
import org.enrollment.core.command.Verify;
import org.enrollment.core.policy.PolicyEngine;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.registration.Step;
import org.enrollment.core.season.Season;
import org.enrollment.core.store.RegistrationStore;

/**
 * Judges one command against what the store holds now, in the order SCENARIOS.md gives: input, authority,
 * lifecycle, then the policies (the co-build judge writes down its one exception). It writes nothing: the
 * registry commits what it returns. Each kind of command goes to the judge of its concern; the switch over
 * the kind has no {@code default}, so a new kind does not compile until it is handled here.
 */
final class CommandJudge {

    private final Judging judging;
    private final RegistrationJudge registrations;
    private final StepJudge steps;
    private final SchoolListJudge lists;
    private final CoBuildJudge coBuild;

    CommandJudge(Season season, PolicyEngine policies, RegistrationStore store, InputCheck input) {
        this.judging = new Judging(season, policies, store, input);
        this.registrations = new RegistrationJudge(judging);
        this.steps = new StepJudge(judging);
        this.lists = new SchoolListJudge(judging, steps);
        this.coBuild = new CoBuildJudge(judging);
    }

    Judgement judge(Actor actor, Command command, Instant at) {
        Case c = new Case(judging, actor, command, at);
        return switch (command.kind()) {
            case REGISTER -> registrations.register(c, (Register) command);
            case AMEND -> registrations.amend(c, (Amend) command);
            case WITHDRAW -> steps.plain(c, Step.WITHDRAW, null, Authority::guardian);
            case VERIFY -> steps.verify(c, (Verify) command);
            case TICK -> steps.plain(c, Step.TICK, null, Authority::schoolOfTarget);
            case UNTICK -> steps.plain(c, Step.UNTICK, null, Authority::schoolOfTarget);
            case SUBMIT_LIST -> lists.ofActingSchool(c, RegistrationState.PRE_ADMITTED, Step.SUBMIT);
            case APPROVE -> lists.approve(c, (Approve) command);
            case RETURN -> steps.plain(c, Step.RETURN, ((ReturnEntry) command).reason(), Authority::districtOfTarget);
            case RELEASE -> steps.plain(c, Step.RELEASE, ((Release) command).reason(), Authority::districtOfTarget);
            case ADMIT -> ((Admit) command).child() == null
                    ? lists.ofActingSchool(c, RegistrationState.APPROVED, Step.ADMIT)
                    : steps.plain(c, Step.ADMIT, null, Authority::schoolOfTarget);
            case FILE -> steps.plain(c, Step.FILE, null, Authority::city);
            case BOARDING_DECIDE -> steps.boardingDecide(c, (BoardingDecide) command);
            case COBUILD_LIST -> coBuild.list(c, (CoBuildListing) command);
            case COBUILD_SELECT -> coBuild.select(c, (CoBuildSelect) command);
        };
    }
}
