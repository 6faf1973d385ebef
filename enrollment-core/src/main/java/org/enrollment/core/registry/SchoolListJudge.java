package org.enrollment.core.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.enrollment.core.child.Problem;
import org.enrollment.core.command.Approve;
import org.enrollment.core.command.Reason;
import org.enrollment.core.policy.PolicyQuestion;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.registration.Step;
import org.enrollment.core.season.School;
import org.enrollment.core.store.ChangeSet;

/**
 * Judges the commands on a school's whole list: {@code submit-list}, {@code admit} of every approved child,
 * and {@code approve}, of the whole list or (handed to the step judge) of one entry.
 *
 * @param judging what judging reads
 * @param steps the judge an approval of one entry goes to
 */
record SchoolListJudge(Judging judging, StepJudge steps) {

    /** A school's command on all its registrations in one state. */
    Judgement ofActingSchool(Case c, RegistrationState from, Step step) {
        Optional<School> school = Authority.actingSchool(c, judging.season());
        if (school.isEmpty()) {
            return c.refuse(Reasons.notAuthorized(c.actor, c.kind, "只有本年度的学校可以执行此操作", "only a school of this season does that"), List.of());
        }
        return applyToAll(c, school.get(), inState(school.get(), from), step);
    }

    Judgement approve(Case c, Approve command) {
        Reason problem = c.firstProblem(Map.of(
                "school", () -> command.school() == null ? null : judging.schoolProblem("school", command.school())));
        if (problem == null && (command.school() == null) == (command.child() == null)) {
            problem = Reasons.invalidInput("school", command.school(), new Problem("school（整个名单）与 child 须且只须给出一个", "give exactly one of school (the whole list) and child"));
        }
        if (problem != null) {
            return c.refuse(problem, c.concerned());
        }
        if (command.child() != null) {
            return steps.take(c, null, Step.APPROVE, null, Authority::districtOfTarget,
                    (occasion, target, history) -> PolicyQuestion.step(c.kind, occasion, target, history));
        }
        School school = judging.season().school(command.school()).orElseThrow();
        List<Registration> list = inState(school, RegistrationState.UNDER_REVIEW);
        Reason notAllowed = Authority.districtOf(c, school);
        if (notAllowed != null) {
            return c.refuse(notAllowed, list);
        }
        return applyToAll(c, school, list, Step.APPROVE);
    }

    private Judgement applyToAll(Case c, School school, List<Registration> list, Step step) {
        List<Registration> updated = new ArrayList<>(list.size());
        for (Registration r : list) {
            updated.add(r.take(step, c.at, null).orElseThrow());
        }
        var verdict = judging.policies().judge(PolicyQuestion.wholeSchool(c.kind, c.occasion(school)));
        c.detail("school=" + school.code() + " entries=" + list.size() + " list-sha256=" + listHash(list));
        return c.afterPolicies(verdict, list, () -> ChangeSet.of(updated, List.of(), Judging.planOf(school)));
    }

    private List<Registration> inState(School school, RegistrationState state) {
        return judging.store().ofSchool(school.code()).stream().filter(r -> r.state() == state)
                .sorted(Comparator.comparing(Registration::number)).toList();
    }

    private static String listHash(List<Registration> list) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Registration r : list) {
                sha.update(r.number().value().getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256.", e);
        }
    }
}
