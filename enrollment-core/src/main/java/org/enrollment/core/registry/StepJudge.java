package org.enrollment.core.registry;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.enrollment.core.child.Problem;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.BoardingDecide;
import org.enrollment.core.command.Reason;
import org.enrollment.core.command.Verify;
import org.enrollment.core.policy.PolicyQuestion;
import org.enrollment.core.registration.BoardingDecision;
import org.enrollment.core.registration.Document;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.Route;
import org.enrollment.core.registration.Step;
import org.enrollment.core.registration.VerificationResult;
import org.enrollment.core.season.School;
import org.enrollment.core.store.ChangeSet;

/**
 * Judges the commands that take one lifecycle step on the child's latest registration: input, authority,
 * the step the registration's state allows, then the policies.
 *
 * @param judging what judging reads
 */
record StepJudge(Judging judging) {

    /** The question a step asks the policies, once input, authority and lifecycle have passed. */
    @FunctionalInterface
    interface Asking {
        PolicyQuestion ask(PolicyQuestion.Occasion occasion, Registration target, List<Registration> history);
    }

    /** A step that carries nothing but an optional reason: withdraw, tick, untick, return, release, admit, file. */
    Judgement plain(Case c, Step step, String reason, Authority.Check authority) {
        return take(c, c.firstProblem(Map.of()), step, reason, authority,
                (occasion, target, history) -> PolicyQuestion.step(c.kind, occasion, target, history));
    }

    Judgement verify(Case c, Verify command) {
        Reason problem = c.firstProblem(Map.of(
                "reason", () -> "fail".equals(command.result()) && command.reason() == null
                        ? Reasons.invalidInput("reason", null, new Problem("审核不通过须给出 1 到 200 个字符的原因", "a failed verification needs a reason of 1 to 200 characters")) : null));
        if (problem != null) {
            return c.refuse(problem, c.concerned());
        }
        VerificationResult result = command.verificationResult();
        Set<Document> documents = EnumSet.noneOf(Document.class);
        if (command.documents() != null) {
            command.documents().forEach(d -> documents.add(Document.valueOf(d)));
        }
        Step step = switch (result) {
            case PASS -> Step.VERIFY_PASS;
            case FAIL -> Step.VERIFY_FAIL;
        };
        return take(c, null, step, command.reason(), Authority::schoolOfTarget,
                (occasion, target, history) -> PolicyQuestion.verify(occasion, target, history, result, documents));
    }

    /** A boarding decision: the registration must be on the BOARDING route (a lifecycle check after authority). */
    Judgement boardingDecide(Case c, BoardingDecide command) {
        Reason problem = c.firstProblem(Map.of());
        if (problem != null) {
            return c.refuse(problem, c.concerned());
        }
        if (c.target.route() != Route.BOARDING) {
            Reason authority = Authority.schoolOfTarget(c);
            return c.refuse(authority != null ? authority : Reasons.notBoardingRoute(c.target), c.concerned());
        }
        BoardingDecision decision = command.decision();
        Step step = switch (decision) {
            case ADMIT -> Step.BOARDING_ADMIT;
            case REJECT -> Step.BOARDING_REJECT;
        };
        return take(c, null, step, null, Authority::schoolOfTarget,
                (occasion, target, history) -> PolicyQuestion.boardingDecide(occasion, target, history, decision));
    }

    /** Input (the problem found), authority, lifecycle, policies; then the step's change. */
    Judgement take(Case c, Reason problem, Step step, String reason, Authority.Check authority, Asking asking) {
        if (problem != null) {
            return c.refuse(problem, c.concerned());
        }
        Reason notAllowed = authority.of(c);
        if (notAllowed != null) {
            return c.refuse(notAllowed, c.concerned());
        }
        Registration target = c.target;
        String shownReason = reason == null ? null : ResidentId.maskAll(reason);
        Optional<Registration> after = target.take(step, c.at, shownReason);
        if (after.isEmpty()) {
            return c.refuse(Reasons.illegalTransition(target, step, c.kind), c.concerned());
        }
        School school = judging.season().school(target.school()).orElseThrow();
        var verdict = judging.policies().judge(asking.ask(c.occasion(school), target, c.history));
        if (shownReason != null) {
            c.detail("reason=" + shownReason);
        }
        return c.afterPolicies(verdict, c.concerned(),
                () -> ChangeSet.of(List.of(after.get()), List.of(), Judging.planOf(school)));
    }
}
