package org.enrollment.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enrollment.core.command.ReasonCode.ILLEGAL_TRANSITION;
import static org.enrollment.core.command.ReasonCode.NOT_AUTHORIZED;
import static org.enrollment.core.command.ReasonCode.NOT_A_BOARDING_SCHOOL;
import static org.enrollment.core.command.ReasonCode.PLAN_FULL;
import static org.enrollment.core.command.ReasonCode.REREGISTRATION_NOT_IN_HOUSEHOLD_DISTRICT;
import static org.enrollment.core.command.ReasonCode.SCHOOL_NOT_IN_DISTRICT;
import static org.enrollment.core.command.ReasonCode.WINDOW_NOT_OPEN;
import static org.enrollment.core.registration.RegistrationState.BOARDING_REJECTED;
import static org.enrollment.core.registration.RegistrationState.PRE_ADMITTED;
import static org.enrollment.core.registration.RegistrationState.SUBMITTED;
import static org.enrollment.core.registration.RegistrationState.VERIFIED;
import static org.enrollment.core.registration.RegistrationState.WITHDRAWN;

import java.util.List;
import org.enrollment.core.command.Amend;
import org.enrollment.core.command.BoardingDecide;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.Release;
import org.enrollment.core.command.Tick;
import org.enrollment.core.command.Withdraw;
import org.enrollment.core.fixture.ChildIds;
import org.enrollment.core.fixture.Desk;
import org.enrollment.core.fixture.ScenarioSeason;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registration.Route;
import org.enrollment.core.season.Season;
import org.junit.jupiter.api.Test;

/**
 * The boarding route (寄宿): register in the boarding school's district; the boarding school admits or
 * rejects; a rejected child withdraws and re-registers in the household district, with grace days after
 * the window has closed.
 */
class BoardingRouteTest {

    private static final String HAIDIAN = ScenarioSeason.HAIDIAN;
    private static final String XICHENG = ScenarioSeason.XICHENG;
    private static final String CHAOYANG = ScenarioSeason.CHAOYANG;
    private static final String T = "2014-05-06T09:00:00+08:00";

    private final Desk desk = new Desk(ScenarioSeason.with(3, List.of()), new ReferencePolicies());

    @Test
    void aBoardingApplicationNamesABoardingSchoolInTheDistrictItIsMadeIn() {
        String child = ChildIds.eligible(HAIDIAN, 1);

        desk.refused(T, "GUARDIAN", boarding(child, HAIDIAN, HAIDIAN, "XC900"), SCHOOL_NOT_IN_DISTRICT);
        desk.refused(T, "GUARDIAN", boarding(child, HAIDIAN, XICHENG, "XC001"), NOT_A_BOARDING_SCHOOL);
        desk.accepted(T, "GUARDIAN", boarding(child, HAIDIAN, XICHENG, "XC900"));

        assertThat(desk.registrationOf(child).route()).isEqualTo(Route.BOARDING);
        assertThat(desk.registrationOf(child).district()).isEqualTo(XICHENG);
    }

    @Test
    void onlyTheBoardingSchoolDecidesAndOnlyOnBoardingApplicationsStillSubmitted() {
        String applicant = ChildIds.eligible(HAIDIAN, 2);
        String online = ChildIds.eligible(XICHENG, 3);
        desk.accepted(T, "GUARDIAN", boarding(applicant, HAIDIAN, XICHENG, "XC900"));
        desk.register(online, XICHENG, XICHENG, "XC900");

        desk.refused(T, "SCHOOL:XC001", new BoardingDecide(applicant, "admit"), NOT_AUTHORIZED);
        desk.refused(T, "SCHOOL:XC900", new BoardingDecide(online, "admit"), ILLEGAL_TRANSITION);
        desk.verify(applicant);
        desk.refused(T, "SCHOOL:XC900", new BoardingDecide(applicant, "reject"), ILLEGAL_TRANSITION);

        // A boarding registration may also go the ordinary way: verified, then ticked.
        desk.accepted(T, "SCHOOL:XC900", new Tick(applicant));
        assertThat(desk.stateOf(applicant)).contains(PRE_ADMITTED);
    }

    @Test
    void aBoardingAdmissionTakesAPlaceOfThePlan() {
        String first = appliedToXc900(HAIDIAN, 4);
        String second = appliedToXc900(CHAOYANG, 5);

        desk.accepted(T, "SCHOOL:XC900", new BoardingDecide(first, "admit"));
        desk.refused(T, "SCHOOL:XC900", new BoardingDecide(second, "admit"), PLAN_FULL);

        assertThat(desk.registry().store().placesTaken("XC900")).isEqualTo(1);
        assertThat(desk.stateOf(second)).contains(SUBMITTED);
    }

    @Test
    void aRejectedChildReRegistersInTheHouseholdDistrictEvenAfterTheWindowWithinTheGraceDays() {
        String child = appliedToXc900(CHAOYANG, 6);
        desk.accepted("2014-05-30T09:00:00+08:00", "SCHOOL:XC900", new BoardingDecide(child, "reject"));
        assertThat(desk.stateOf(child)).contains(BOARDING_REJECTED);

        // A rejected child may be withdrawn at any time, the window closed or not.
        desk.accepted("2014-06-02T09:00:00+08:00", "GUARDIAN", new Withdraw(child));

        // Grace: 3 × 24 h after the later of the close (1 June 00:00) and the rejection: until 4 June 00:00.
        desk.refused("2014-06-02T09:01:00+08:00", "GUARDIAN", register(child, CHAOYANG, HAIDIAN, "HD001"),
                REREGISTRATION_NOT_IN_HOUSEHOLD_DISTRICT);
        desk.refused("2014-06-04T00:00:00+08:00", "GUARDIAN", register(child, CHAOYANG, CHAOYANG, "CY001"), WINDOW_NOT_OPEN);
        desk.refused("2014-06-04T00:00:00+08:00", "GUARDIAN", register(child, CHAOYANG, HAIDIAN, "HD001"),
                WINDOW_NOT_OPEN, REREGISTRATION_NOT_IN_HOUSEHOLD_DISTRICT);
        desk.accepted("2014-06-03T23:59:59+08:00", "GUARDIAN", register(child, CHAOYANG, CHAOYANG, "CY001"));

        assertThat(desk.registrationsOf(child)).extracting(r -> r.state()).containsExactly(WITHDRAWN, SUBMITTED);
        assertThat(desk.registrationOf(child).district()).isEqualTo(CHAOYANG);

        // The grace covered that register only: the new registration keeps the ordinary window.
        desk.refused("2014-06-03T23:59:59+08:00", "GUARDIAN", new Amend(child, "改名", null, null), WINDOW_NOT_OPEN);
        desk.refused("2014-06-03T23:59:59+08:00", "GUARDIAN", new Withdraw(child), WINDOW_NOT_OPEN);
    }

    @Test
    void graceRunsFromARejectionThatCameAfterTheWindowClosed() {
        String child = appliedToXc900(HAIDIAN, 7);
        String other = appliedToXc900(HAIDIAN, 8);
        // Schools are not bound by the window.
        desk.accepted("2014-06-05T09:00:00+08:00", "SCHOOL:XC900", new BoardingDecide(child, "reject"));
        desk.accepted("2014-06-05T09:00:00+08:00", "SCHOOL:XC900", new BoardingDecide(other, "reject"));
        desk.accepted("2014-06-06T09:00:00+08:00", "GUARDIAN", new Withdraw(child));
        desk.accepted("2014-06-06T09:00:00+08:00", "GUARDIAN", new Withdraw(other));

        desk.accepted("2014-06-08T08:59:59+08:00", "GUARDIAN", register(child, HAIDIAN, HAIDIAN, "HD001"));
        desk.refused("2014-06-08T09:00:00+08:00", "GUARDIAN", register(other, HAIDIAN, HAIDIAN, "HD001"), WINDOW_NOT_OPEN);
    }

    @Test
    void aChildFromOutsideBeijingMayReRegisterInAnyDistrict() {
        String child = ChildIds.eligible("130102", 9);
        desk.accepted(T, "GUARDIAN", boarding(child, "NB:130000", XICHENG, "XC900"));
        desk.accepted(T, "SCHOOL:XC900", new BoardingDecide(child, "reject"));
        desk.accepted(T, "GUARDIAN", new Withdraw(child));

        desk.accepted(T, "GUARDIAN", register(child, "NB:130000", CHAOYANG, "CY001"));
    }

    @Test
    void aDistrictsReleaseOfARejectedChildAlsoSendsItToTheHouseholdDistrict() {
        String child = appliedToXc900(HAIDIAN, 10);
        desk.accepted(T, "SCHOOL:XC900", new BoardingDecide(child, "reject"));
        desk.refused(T, "DISTRICT:110108", new Release(child, "家庭要求"), NOT_AUTHORIZED);
        desk.accepted(T, "DISTRICT:110102", new Release(child, "家庭要求"));

        desk.refused(T, "GUARDIAN", register(child, HAIDIAN, XICHENG, "XC001"), REREGISTRATION_NOT_IN_HOUSEHOLD_DISTRICT);
        desk.accepted(T, "GUARDIAN", register(child, HAIDIAN, HAIDIAN, "HD002"));
    }

    @Test
    void withoutGraceDaysARejectedChildCannotReRegisterAfterTheWindow() {
        Season noGrace = ScenarioSeason.plain();
        Desk strict = new Desk(noGrace, new ReferencePolicies());
        String child = ChildIds.eligible(HAIDIAN, 11);
        strict.accepted(T, "GUARDIAN", boarding(child, HAIDIAN, XICHENG, "XC900"));
        strict.accepted(T, "SCHOOL:XC900", new BoardingDecide(child, "reject"));
        strict.accepted("2014-06-01T00:00:00+08:00", "GUARDIAN", new Withdraw(child));

        strict.refused("2014-06-01T00:00:00+08:00", "GUARDIAN", register(child, HAIDIAN, HAIDIAN, "HD001"), WINDOW_NOT_OPEN);
        assertThat(strict.stateOf(child)).contains(WITHDRAWN);
    }

    @Test
    void anOrdinaryChildGetsNoGraceAfterTheWindow() {
        String child = ChildIds.eligible(HAIDIAN, 12);
        desk.register(child, HAIDIAN, HAIDIAN, "HD001");
        desk.verify(child);
        assertThat(desk.stateOf(child)).contains(VERIFIED);
        desk.accepted(T, "DISTRICT:110108", new Release(child, "搬家"));

        desk.refused("2014-06-01T09:00:00+08:00", "GUARDIAN", register(child, HAIDIAN, HAIDIAN, "HD002"), WINDOW_NOT_OPEN);
    }

    /** The eligible child {@code n} of the household, who applied at {@link #T} to the boarding school XC900 of Xicheng. */
    private String appliedToXc900(String household, int n) {
        String child = ChildIds.eligible(household, n);
        desk.accepted(T, "GUARDIAN", boarding(child, household, XICHENG, "XC900"));
        return child;
    }

    private static Register boarding(String child, String household, String district, String school) {
        return new Register(child, "住校生", household, district, school, "BOARDING");
    }

    private static Register register(String child, String household, String district, String school) {
        return new Register(child, "住校生", household, district, school, null);
    }
}
