package org.enrollment.core.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.enrollment.core.child.Household;
import org.enrollment.core.child.Problem;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.ActorKind;
import org.enrollment.core.command.Amend;
import org.enrollment.core.command.Reason;
import org.enrollment.core.command.Register;
import org.enrollment.core.policy.PolicyQuestion;
import org.enrollment.core.registration.NewRegistration;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.registration.Route;
import org.enrollment.core.registration.Step;
import org.enrollment.core.season.School;
import org.enrollment.core.store.ChangeSet;

/**
 * Judges the guardian's commands that make or change a registration: {@code register} and {@code amend}.
 * A register has no lifecycle step of its own: the policies and the store's uniqueness decide.
 *
 * @param judging what judging reads
 */
record RegistrationJudge(Judging judging) {

    Judgement register(Case c, Register command) {
        Reason problem = c.firstProblem(Map.of(
                "household", () -> judging.householdProblem("household", command.household()),
                "district", () -> judging.districtProblem("district", command.district()),
                "school", () -> judging.schoolProblem("school", command.school())));
        if (problem != null) {
            return c.refuse(problem, List.of());
        }
        Reason notAllowed = Authority.only(c, ActorKind.GUARDIAN, "只有家长可以为儿童登记", "only a guardian registers a child");
        if (notAllowed != null) {
            return c.refuse(notAllowed, List.of());
        }
        ResidentId child = c.child;
        School school = judging.season().school(command.school()).orElseThrow();
        Route route = command.route() == null ? Route.ONLINE : Route.valueOf(command.route());
        NewRegistration proposed = new NewRegistration(judging.season().year(), child, command.name(),
                Household.of(command.household()), command.district(), school.code(), route, null,
                RegistrationState.SUBMITTED, c.at);
        var verdict = judging.policies().judge(PolicyQuestion.register(c.occasion(school), proposed, c.history));
        c.detail("district=" + command.district() + " school=" + school.code() + " route=" + route);
        return c.afterPolicies(verdict, List.of(), () -> ChangeSet.of(List.of(), List.of(proposed), Map.of()));
    }

    Judgement amend(Case c, Amend command) {
        Reason problem = c.firstProblem(Map.of(
                "household", () -> command.household() == null ? null : judging.householdProblem("household", command.household()),
                "school", () -> command.school() == null ? null : judging.schoolProblem("school", command.school())));
        if (problem == null && command.name() == null && command.household() == null && command.school() == null) {
            problem = Reasons.invalidInput("name", null, new Problem("更正须至少给出 name、household、school 之一", "an amendment needs at least one of name, household and school"));
        }
        if (problem != null) {
            return c.refuse(problem, c.concerned());
        }
        Reason notAllowed = Authority.only(c, ActorKind.GUARDIAN, "只有家长可以修改登记", "only a guardian amends a registration");
        if (notAllowed != null) {
            return c.refuse(notAllowed, c.concerned());
        }
        Registration target = c.target;
        String schoolCode = command.school() == null ? target.school() : command.school();
        Household household = command.household() == null ? target.household() : Household.of(command.household());
        String name = command.name() == null ? target.name() : command.name();
        Optional<Registration> after = target.amend(name, household, schoolCode, c.at);
        if (after.isEmpty()) {
            return c.refuse(Reasons.illegalTransition(target, Step.AMEND, c.kind), c.concerned());
        }
        School school = judging.season().school(schoolCode).orElseThrow();
        NewRegistration proposed = new NewRegistration(judging.season().year(), target.child(), name, household,
                target.district(), schoolCode, target.route(), target.coBuildUnit(), RegistrationState.SUBMITTED, c.at);
        var verdict = judging.policies().judge(PolicyQuestion.amend(c.occasion(school), target, proposed, c.history));
        c.detail("school=" + schoolCode);
        return c.afterPolicies(verdict, c.concerned(), () -> ChangeSet.of(List.of(after.get()), List.of(), Map.of()));
    }
}
