package org.enrollment.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.enrollment.core.child.Household;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.ActorKind;
import org.enrollment.core.command.CommandKind;
import org.enrollment.core.policy.PolicyQuestion;
import org.enrollment.core.policy.PolicyQuestion.CoBuild;
import org.enrollment.core.policy.PolicyQuestion.Candidate;
import org.enrollment.core.registration.BoardingDecision;
import org.enrollment.core.registration.Document;
import org.enrollment.core.registration.NewRegistration;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationNumber;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.registration.Route;
import org.enrollment.core.registration.Step;
import org.enrollment.core.registration.VerificationResult;
import org.enrollment.core.season.CoBuildAgreement;
import org.enrollment.core.season.DistrictCatalog;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;

/**
 * Judges a fixed set of questions, one or more of every kind of command and the facts each policy looks
 * at, with freshly compiled rules before they go into force. Rules that throw, loop or give a reason the
 * wrong way (a refusal as advice) fail it; what the rules decide is theirs to say.
 */
final class SmokeCheck {

    private SmokeCheck() {
    }

    /** The problems found; empty when every question was judged. */
    static List<RuleProblem> run(CompiledRules rules) {
        Map<String, RuleProblem> problems = new LinkedHashMap<>();
        for (PolicyQuestion q : Samples.QUESTIONS) {
            rules.judge(q, JudgingBudget.DEFAULT).failure().ifPresent(f -> {
                SourceLine where = rules.lineOf(f.rule()).orElse(new SourceLine("", 0));
                problems.putIfAbsent(f.rule() + f.what(), new RuleProblem(where.file(), where.line(),
                        "Smoke check: judging a " + q.kind().text() + ", rule \"" + f.rule() + "\" failed: " + f.what()));
            });
        }
        return new ArrayList<>(problems.values());
    }

    /** The questions the check asks: one or more of every kind of command. */
    static List<PolicyQuestion> questions() {
        return Samples.QUESTIONS;
    }

    /** The sample season and questions. */
    private static final class Samples {

        static final Instant OPENS = Instant.parse("2014-05-04T16:00:00Z");
        static final Instant CLOSES = Instant.parse("2014-05-31T16:00:00Z");
        static final Instant IN_WINDOW = Instant.parse("2014-05-10T01:00:00Z");
        static final Instant AFTER_WINDOW = Instant.parse("2014-06-02T01:00:00Z");
        static final School DAY_SCHOOL = new School("HD001", "海淀实验小学", "110108", 1, false);
        static final School BOARDING_SCHOOL = new School("XC900", "北京小学", "110102", 1, true);
        static final Season SEASON = new Season(2014, OPENS, CLOSES, 3, DistrictCatalog.beijing(),
                List.of(DAY_SCHOOL, BOARDING_SCHOOL), List.of(new CoBuildAgreement("U-ACAD", "HD001", 1)));
        static final ResidentId OLD_ENOUGH = ResidentId.compose("110108", LocalDate.of(2008, 1, 1), 1);
        static final ResidentId TOO_YOUNG = ResidentId.compose("110108", LocalDate.of(2009, 1, 1), 2);
        static final Household BEIJING = Household.of("110105");
        static final Household ELSEWHERE = Household.of("NB:130000");

        static final List<PolicyQuestion> QUESTIONS = questions();

        private static List<PolicyQuestion> questions() {
            Registration rejected = registration(1, OLD_ENOUGH, BEIJING, BOARDING_SCHOOL, Route.BOARDING, Step.BOARDING_REJECT);
            Registration rejectedThenWithdrawn = rejected.take(Step.WITHDRAW, IN_WINDOW, null).orElseThrow();
            Registration submitted = registration(2, OLD_ENOUGH, ELSEWHERE, DAY_SCHOOL, Route.ONLINE);
            Registration preAdmitted = registration(3, OLD_ENOUGH, BEIJING, DAY_SCHOOL, Route.ONLINE, Step.VERIFY_PASS, Step.TICK);
            Registration approved = registration(4, TOO_YOUNG, BEIJING, DAY_SCHOOL, Route.ONLINE,
                    Step.VERIFY_PASS, Step.TICK, Step.SUBMIT, Step.APPROVE);
            Registration coBuild = Registration.create(RegistrationNumber.of("110108", 2014, 5), TOO_YOUNG, "乙", BEIJING,
                    "110108", "HD001", Route.CO_BUILD, "U-ACAD", RegistrationState.PRE_ADMITTED, IN_WINDOW);
            List<PolicyQuestion> qs = new ArrayList<>();
            for (Instant at : List.of(IN_WINDOW, AFTER_WINDOW)) {
                for (Route route : List.of(Route.ONLINE, Route.BOARDING)) {
                    qs.add(register(at, TOO_YOUNG, BEIJING, "110108", DAY_SCHOOL, route, List.of(rejectedThenWithdrawn)));
                    qs.add(register(at, OLD_ENOUGH, ELSEWHERE, "110102", BOARDING_SCHOOL, route, List.of(submitted)));
                }
                qs.add(PolicyQuestion.amend(occasion(Actor.guardian(), at, DAY_SCHOOL), submitted,
                        proposed(at, OLD_ENOUGH, ELSEWHERE, "110102", DAY_SCHOOL, Route.ONLINE), List.of(submitted)));
                qs.add(step(CommandKind.WITHDRAW, Actor.guardian(), at, rejected, BOARDING_SCHOOL));
                qs.add(step(CommandKind.WITHDRAW, Actor.guardian(), at, submitted, DAY_SCHOOL));
            }
            Actor school = Actor.school("HD001");
            for (Registration target : List.of(submitted, preAdmitted)) {
                for (VerificationResult result : VerificationResult.values()) {
                    qs.add(PolicyQuestion.verify(occasion(school, IN_WINDOW, DAY_SCHOOL), target, List.of(target), result,
                            EnumSet.of(Document.HUKOU, Document.WORK)));
                }
            }
            for (BoardingDecision decision : BoardingDecision.values()) {
                qs.add(PolicyQuestion.boardingDecide(occasion(Actor.school("XC900"), IN_WINDOW, BOARDING_SCHOOL), rejected,
                        List.of(rejected), decision));
            }
            for (CommandKind kind : List.of(CommandKind.TICK, CommandKind.UNTICK, CommandKind.RETURN, CommandKind.RELEASE,
                    CommandKind.ADMIT, CommandKind.FILE)) {
                qs.add(step(kind, school, AFTER_WINDOW, preAdmitted, DAY_SCHOOL));
            }
            for (CommandKind kind : List.of(CommandKind.SUBMIT_LIST, CommandKind.APPROVE, CommandKind.ADMIT)) {
                qs.add(PolicyQuestion.wholeSchool(kind, occasion(school, AFTER_WINDOW, DAY_SCHOOL)));
            }
            List<Candidate> waiting = List.of(new Candidate(OLD_ENOUGH, false, List.of(approved)),
                    new Candidate(TOO_YOUNG, false, List.of()));
            Optional<CoBuildAgreement> agreement = Optional.of(SEASON.agreements().get(0));
            qs.add(coBuild(CommandKind.COBUILD_LIST, Actor.coBuildUnit("U-FAKE"), Optional.empty(), 0, false, waiting));
            qs.add(coBuild(CommandKind.COBUILD_LIST, Actor.coBuildUnit("U-ACAD"), agreement, 1, false, waiting));
            List<Candidate> selected = List.of(new Candidate(OLD_ENOUGH, true, List.of(rejectedThenWithdrawn, preAdmitted)),
                    new Candidate(TOO_YOUNG, true, List.of(approved, coBuild)),
                    new Candidate(ResidentId.compose("110102", LocalDate.of(2008, 3, 3), 5), false, List.of()));
            qs.add(coBuild(CommandKind.COBUILD_LIST, Actor.coBuildUnit("U-ACAD"), agreement, 1, true, selected));
            qs.add(coBuild(CommandKind.COBUILD_SELECT, school, agreement, 1, true, selected));
            return List.copyOf(qs);
        }

        private static Registration registration(int sequence, ResidentId child, Household household, School school,
                                                 Route route, Step... steps) {
            Registration r = Registration.create(RegistrationNumber.of(school.district(), 2014, sequence), child, "甲",
                    household, school.district(), school.code(), route, null, RegistrationState.SUBMITTED, IN_WINDOW);
            for (Step s : steps) {
                r = r.take(s, IN_WINDOW, null).orElseThrow();
            }
            return r;
        }

        private static NewRegistration proposed(Instant at, ResidentId child, Household household, String district,
                                                School school, Route route) {
            return new NewRegistration(2014, child, "甲", household, district, school.code(), route, null,
                    RegistrationState.SUBMITTED, at);
        }

        private static PolicyQuestion.Occasion occasion(Actor actor, Instant at, School school) {
            return new PolicyQuestion.Occasion(actor, at, SEASON, school, 1);
        }

        private static PolicyQuestion register(Instant at, ResidentId child, Household household, String district,
                                               School school, Route route, List<Registration> history) {
            return PolicyQuestion.register(occasion(Actor.guardian(), at, school),
                    proposed(at, child, household, district, school, route), history);
        }

        private static PolicyQuestion step(CommandKind kind, Actor actor, Instant at, Registration target, School school) {
            return PolicyQuestion.step(kind, occasion(actor, at, school), target, List.of(target));
        }

        private static PolicyQuestion coBuild(CommandKind kind, Actor actor, Optional<CoBuildAgreement> agreement,
                                              int quotaLeft, boolean selectedNow, List<Candidate> candidates) {
            String unit = actor.kind() == ActorKind.COBUILD ? actor.id() : "U-ACAD";
            return PolicyQuestion.coBuild(kind, occasion(actor, IN_WINDOW, DAY_SCHOOL),
                    new CoBuild(unit, agreement, quotaLeft, selectedNow, candidates));
        }
    }
}
