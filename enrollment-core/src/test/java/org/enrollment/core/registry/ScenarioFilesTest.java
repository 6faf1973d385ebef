package org.enrollment.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.enrollment.core.command.Admit;
import org.enrollment.core.command.Approve;
import org.enrollment.core.command.ChildCommand;
import org.enrollment.core.command.CoBuildListing;
import org.enrollment.core.command.CoBuildSelect;
import org.enrollment.core.command.Command;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.FileStudentRecord;
import org.enrollment.core.command.ListedChildText;
import org.enrollment.core.command.Outcome;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.Release;
import org.enrollment.core.command.SubmitList;
import org.enrollment.core.command.Tick;
import org.enrollment.core.command.Verify;
import org.enrollment.core.command.Withdraw;
import org.enrollment.core.command.BoardingDecide;
import org.enrollment.core.fixture.Desk;
import org.enrollment.core.fixture.ScenarioSeason;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.season.CoBuildAgreement;
import org.enrollment.core.season.Season;
import org.junit.jupiter.api.Test;

import static org.enrollment.core.command.Outcome.ACCEPTED;
import static org.enrollment.core.command.Outcome.REFUSED;
import static org.enrollment.core.command.ReasonCode.*;

/**
 * The five shared scenario files ({@code /shared/scenarios/*.jsonl}) written out in Java, line by line, and
 * replayed against the registry with the reference policies: every expectation of the files holds. (The
 * examples module replays the files themselves; this keeps the core honest without a parser.)
 */
class ScenarioFilesTest {

    private static final List<String> BEIJING_DOCS = List.of("HUKOU", "BIRTH", "HOME");

    @Test
    void badInputGetsAClearRefusalAndChangesNothing() {
        Play p = new Play(ScenarioSeason.plain());
        p.line("2014-05-05T09:01:00+08:00", "GUARDIAN", register("110108200801010050", "错号", "110108", "110108", "HD001"))
                .expect(REFUSED, "NONE", INVALID_RESIDENT_ID);
        p.line("2014-05-05T09:02:00+08:00", "GUARDIAN", register("11010820080101", "短号", "110108", "110108", "HD001"))
                .expect(REFUSED, "NONE", INVALID_RESIDENT_ID);
        p.line("2014-05-05T09:03:00+08:00", "GUARDIAN", register("110108200809010093", "小小", "110108", "110108", "HD001"))
                .expect(REFUSED, "NONE", AGE_NOT_ELIGIBLE);
        p.line("2014-05-05T09:04:00+08:00", "GUARDIAN", register("110108200801010056", "王五", "110108", "110108", "NOPE"))
                .expect(REFUSED, "NONE", UNKNOWN_SCHOOL);
        p.line("2014-05-05T09:05:00+08:00", "GUARDIAN", register("110108200801010056", "王五", "110108", "999999", "HD001"))
                .expect(REFUSED, "NONE", UNKNOWN_DISTRICT);
        p.line("2014-05-05T09:06:00+08:00", "GUARDIAN", register("110108200801010056", "", "110108", "110108", "HD001"))
                .expect(REFUSED, "NONE", INVALID_INPUT);
        p.line("2014-06-01T09:01:00+08:00", "GUARDIAN", register("110108200801010056", "王五", "110108", "110108", "HD001"))
                .expect(REFUSED, "NONE", WINDOW_NOT_OPEN);
    }

    @Test
    void boardingApplicantRejectedReRegistersInTheHouseholdDistrict() {
        Play p = new Play(ScenarioSeason.with(3, List.of()));
        p.line("2014-05-05T09:01:00+08:00", "GUARDIAN", boarding("11010820080520021X", "孙悦", "110108", "110108", "XC900"))
                .expect(REFUSED, "NONE", SCHOOL_NOT_IN_DISTRICT);
        p.line("2014-05-05T09:02:00+08:00", "GUARDIAN", boarding("11010820080520021X", "孙悦", "110108", "110102", "XC900"))
                .expect(ACCEPTED, "SUBMITTED");
        p.line("2014-05-05T09:03:00+08:00", "GUARDIAN", boarding("110105200806010443", "周杰", "110105", "110102", "XC900"))
                .expect(ACCEPTED, "SUBMITTED");
        p.line("2014-05-05T09:04:00+08:00", "GUARDIAN", boarding("110108200801010777", "吴用", "110108", "110108", "HD001"))
                .expect(REFUSED, "NONE", NOT_A_BOARDING_SCHOOL);
        p.line("2014-05-25T09:01:00+08:00", "SCHOOL:XC900", new BoardingDecide("11010820080520021X", "admit"))
                .expect(ACCEPTED, "PRE_ADMITTED");
        p.line("2014-05-25T09:02:00+08:00", "SCHOOL:XC900", new BoardingDecide("110105200806010443", "reject"))
                .expect(ACCEPTED, "BOARDING_REJECTED");
        p.line("2014-05-26T09:01:00+08:00", "GUARDIAN", new Withdraw("110105200806010443"))
                .expect(ACCEPTED, "WITHDRAWN");
        p.line("2014-05-26T09:02:00+08:00", "GUARDIAN", register("110105200806010443", "周杰", "110105", "110108", "HD001"))
                .expect(REFUSED, "WITHDRAWN", REREGISTRATION_NOT_IN_HOUSEHOLD_DISTRICT);
        p.line("2014-05-26T09:03:00+08:00", "GUARDIAN", register("110105200806010443", "周杰", "110105", "110105", "CY001"))
                .expect(ACCEPTED, "SUBMITTED");
    }

    @Test
    void coBuildListsNeedAnAgreementAndASelectionThatSupersedesTheFallback() {
        Play p = new Play(ScenarioSeason.with(0, List.of(new CoBuildAgreement("U-ACAD", "HD001", 1))));
        p.line("2014-05-05T09:01:00+08:00", "COBUILD:U-FAKE", listing("HD001",
                        new ListedChildText("110108200802020512", "钱多", "110108")))
                .expect(REFUSED, null, COBUILD_NO_AGREEMENT);
        p.line("2014-05-05T09:02:00+08:00", "GUARDIAN", register("110108200803030624", "孙少", "110108", "110108", "HD002"))
                .expect(ACCEPTED, "SUBMITTED");
        p.line("2014-05-15T09:01:00+08:00", "COBUILD:U-ACAD", listing("HD001",
                        new ListedChildText("110108200802020512", "钱多", "110108"),
                        new ListedChildText("110108200803030624", "孙少", "110108")))
                .expect(ACCEPTED, null, ADVICE_REGISTER_ONLINE);
        p.line("2014-05-15T09:02:00+08:00", "SCHOOL:HD001", new CoBuildSelect(List.of("110108200802020512", "110108200803030624")))
                .expect(REFUSED, null, COBUILD_OVER_QUOTA);
        p.line("2014-05-15T09:03:00+08:00", "SCHOOL:HD001", new CoBuildSelect(List.of("110108200803030624")))
                .expect(ACCEPTED, "PRE_ADMITTED", SUPERSEDED_ONLINE_REGISTRATION, ADVICE_REGISTER_ONLINE);
        p.line("2014-05-15T09:04:00+08:00", "SCHOOL:HD002", new Verify("110108200803030624", "pass", BEIJING_DOCS, null))
                .expect(REFUSED, null, NOT_AUTHORIZED);
        p.line("2014-05-20T09:01:00+08:00", "SCHOOL:HD001", new SubmitList())
                .expect(ACCEPTED, "UNDER_REVIEW");
    }

    @Test
    void aChildHoldsOneActiveRegistrationCityWideAndWithdrawalFreesIt() {
        Play p = new Play(ScenarioSeason.plain());
        p.line("2014-05-05T09:01:00+08:00", "GUARDIAN", register("110102200803150126", "李华", "110102", "110102", "XC001"))
                .expect(ACCEPTED, "SUBMITTED");
        p.line("2014-05-05T09:02:00+08:00", "GUARDIAN", register("110102200803150126", "李华", "110102", "110108", "HD001"))
                .expect(REFUSED, "SUBMITTED", DUPLICATE_REGISTRATION);
        p.line("2014-05-05T09:03:00+08:00", "GUARDIAN", register("110102200803150126", "李华", "110102", "110102", "XC001"))
                .expect(REFUSED, "SUBMITTED", DUPLICATE_REGISTRATION);
        p.line("2014-05-05T09:04:00+08:00", "GUARDIAN", register("11010220071120035X", "赵敏", "110102", "110102", "HD001"))
                .expect(REFUSED, "NONE", SCHOOL_NOT_IN_DISTRICT);
        p.line("2014-05-05T09:05:00+08:00", "GUARDIAN", register("11010220071120035X", "赵敏", "110102", "110108", "HD001"))
                .expect(ACCEPTED, "SUBMITTED");
        Registration first = p.desk.registrationOf("110102200803150126");
        p.line("2014-05-08T09:01:00+08:00", "GUARDIAN", new Withdraw("110102200803150126"))
                .expect(ACCEPTED, "WITHDRAWN");
        p.line("2014-05-08T09:02:00+08:00", "GUARDIAN", register("110102200803150126", "李华", "110102", "110108", "HD002"))
                .expect(ACCEPTED, "SUBMITTED");
        assertThat(p.desk.registrationOf("110102200803150126").number()).isNotEqualTo(first.number());
        p.line("2014-05-12T09:01:00+08:00", "SCHOOL:HD002", new Verify("110102200803150126", "pass", BEIJING_DOCS, null))
                .expect(ACCEPTED, "VERIFIED");
        p.line("2014-05-12T09:02:00+08:00", "GUARDIAN", new Withdraw("110102200803150126"))
                .expect(REFUSED, "VERIFIED", ILLEGAL_TRANSITION);
        p.line("2014-05-12T09:03:00+08:00", "DISTRICT:110108", new Release("110102200803150126", "family moved abroad"))
                .expect(ACCEPTED, "WITHDRAWN");
    }

    @Test
    void oneChildGoesFromRegistrationToStudentRecordPastTheRefusalsOnTheWay() {
        Play p = new Play(ScenarioSeason.plain());
        String child = "110108200801010013";
        p.line("2014-05-05T09:01:00+08:00", "GUARDIAN", register(child, "王小明", "110108", "110108", "HD001"))
                .expect(ACCEPTED, "SUBMITTED");
        p.line("2014-05-05T09:02:00+08:00", "SCHOOL:HD001", new Tick(child)).expect(REFUSED, "SUBMITTED", ILLEGAL_TRANSITION);
        p.line("2014-05-05T09:03:00+08:00", "SCHOOL:HD002", new Verify(child, "pass", BEIJING_DOCS, null))
                .expect(REFUSED, "SUBMITTED", NOT_AUTHORIZED);
        p.line("2014-05-10T09:01:00+08:00", "SCHOOL:HD001", new Verify(child, "pass", BEIJING_DOCS, null))
                .expect(ACCEPTED, "VERIFIED");
        p.line("2014-05-10T09:02:00+08:00", "SCHOOL:HD001", new Tick(child)).expect(ACCEPTED, "PRE_ADMITTED");
        p.line("2014-05-20T09:01:00+08:00", "SCHOOL:HD001", new SubmitList()).expect(ACCEPTED, "UNDER_REVIEW");
        p.line("2014-05-20T09:02:00+08:00", "SCHOOL:HD001", new Admit(child)).expect(REFUSED, "UNDER_REVIEW", ILLEGAL_TRANSITION);
        p.line("2014-05-20T09:03:00+08:00", "DISTRICT:110102", new Approve("HD001", null))
                .expect(REFUSED, "UNDER_REVIEW", NOT_AUTHORIZED);
        p.line("2014-05-25T09:01:00+08:00", "DISTRICT:110108", new Approve("HD001", null)).expect(ACCEPTED, "APPROVED");
        p.line("2014-05-25T09:02:00+08:00", "SCHOOL:HD001", new FileStudentRecord(child))
                .expect(REFUSED, "APPROVED", NOT_AUTHORIZED);
        p.line("2014-06-09T09:01:00+08:00", "SCHOOL:HD001", new Admit(child)).expect(ACCEPTED, "ADMITTED");
        p.line("2014-06-14T09:01:00+08:00", "CITY", new FileStudentRecord(child)).expect(ACCEPTED, "FILED");
        p.line("2014-06-14T09:02:00+08:00", "GUARDIAN", new Withdraw(child)).expect(REFUSED, "FILED", ILLEGAL_TRANSITION);
    }

    private static Register register(String child, String name, String household, String district, String school) {
        return new Register(child, name, household, district, school, null);
    }

    private static Register boarding(String child, String name, String household, String district, String school) {
        return new Register(child, name, household, district, school, "BOARDING");
    }

    private static CoBuildListing listing(String school, ListedChildText... children) {
        return new CoBuildListing(school, List.of(children));
    }

    /** A scenario being played: each line is given at its time and its expectation checked as SCENARIOS.md defines it. */
    private static final class Play {

        final Desk desk;

        Play(Season season) {
            this.desk = new Desk(season, new ReferencePolicies());
        }

        Line line(String at, String as, Command command) {
            return new Line(command, desk.at(at, as, command));
        }

        /** One line given, waiting for its expectation. */
        final class Line {
            private final Command command;
            private final Decision decision;

            Line(Command command, Decision decision) {
                this.command = command;
                this.decision = decision;
            }

            /**
             * Checks the outcome, the reason codes as a set (none given: any), and the state of every
             * registration the line concerns ({@code null}: not checked).
             */
            void expect(Outcome outcome, String state, ReasonCode... reasons) {
                assertThat(decision.outcome()).as("%s: %s", command, decision.reasons()).isEqualTo(outcome);
                if (reasons.length > 0) {
                    assertThat(decision.reasonCodes()).as("%s", command).containsExactlyInAnyOrder(reasons);
                }
                if (state == null) {
                    return;
                }
                List<String> children = childrenOf(command);
                if (children.isEmpty()) {
                    assertThat(decision.registrations()).as("registrations acted on by %s", command).isNotEmpty()
                            .allSatisfy(r -> assertThat(r.state().name()).isEqualTo(state));
                    return;
                }
                for (String child : children) {
                    String actual = desk.stateOf(child).map(Enum::name).orElse("NONE");
                    assertThat(actual).as("state of %s after %s", child, command).isEqualTo(state);
                }
            }
        }

        private static List<String> childrenOf(Command c) {
            List<String> children = new ArrayList<>();
            if (c instanceof ChildCommand one && one.child() != null) {
                children.add(one.child());
            } else if (c instanceof CoBuildSelect s) {
                children.addAll(s.children());
            } else if (c instanceof CoBuildListing l) {
                l.children().forEach(x -> children.add(x.child()));
            }
            return children;
        }
    }
}
