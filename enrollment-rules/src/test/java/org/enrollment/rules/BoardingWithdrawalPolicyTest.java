package org.enrollment.rules;

import static org.enrollment.rules.Fixtures.AFTER_CLOSE;
import static org.enrollment.rules.Fixtures.BOARDING_SCHOOL;
import static org.enrollment.rules.Fixtures.CLOSES;
import static org.enrollment.rules.Fixtures.DAY_SCHOOL;
import static org.enrollment.rules.Fixtures.GRACE_DAYS;
import static org.enrollment.rules.Fixtures.HAIDIAN;
import static org.enrollment.rules.Fixtures.HEBEI;
import static org.enrollment.rules.Fixtures.IN_WINDOW;
import static org.enrollment.rules.Fixtures.OLDER;
import static org.enrollment.rules.Fixtures.OPENS;
import static org.enrollment.rules.Fixtures.XICHENG;
import static org.enrollment.rules.Fixtures.registration;
import static org.enrollment.rules.Fixtures.takeAt;
import static org.enrollment.rules.VerdictAssert.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.Route;
import org.enrollment.core.registration.Step;
import org.junit.jupiter.api.Test;

/**
 * boarding-withdrawal.drl: boarding registrations name boarding schools; after a rejection the child may
 * withdraw at any time and re-register, 京籍 in the household district, with a grace after the window.
 */
class BoardingWithdrawalPolicyTest {

    private static final Duration GRACE = Duration.ofDays(GRACE_DAYS);

    /** A Haidian (京籍) child's boarding application in Xicheng, rejected at the given time, then withdrawn. */
    private static Registration rejectedAndWithdrawn(String household, Instant rejectedAt) {
        Registration applied = registration(OLDER, household, BOARDING_SCHOOL, Route.BOARDING);
        return takeAt(applied, rejectedAt, Step.BOARDING_REJECT, Step.WITHDRAW);
    }

    @Test
    @RuleTest("Boarding needs a boarding school")
    void boardingNeedsABoardingSchoolRefusesABoardingRegistrationForADaySchool() {
        String rule = "Boarding needs a boarding school";
        assertThat(Ask.register(OLDER, HAIDIAN, DAY_SCHOOL).route(Route.BOARDING).judge())
                .fires(rule, ReasonCode.NOT_A_BOARDING_SCHOOL);
        Registration boarding = registration(OLDER, XICHENG, BOARDING_SCHOOL, Route.BOARDING);
        assertThat(Ask.amend(boarding, Fixtures.DAY_SCHOOL).judge()).fires(rule, ReasonCode.NOT_A_BOARDING_SCHOOL);

        assertThat(Ask.register(OLDER, HAIDIAN, BOARDING_SCHOOL).route(Route.BOARDING).judge()).doesNotFire(rule).accepts();
        assertThat(Ask.register(OLDER, HAIDIAN, DAY_SCHOOL).judge()).doesNotFire(rule);
        assertThat(Ask.amend(boarding, BOARDING_SCHOOL).judge()).doesNotFire(rule);
    }

    @Test
    @RuleTest("Re-register in the household district")
    void reRegisterInTheHouseholdDistrictAfterABoardingRejectionWhenBeijingRegistered() {
        String rule = "Re-register in the household district";
        Registration rejected = rejectedAndWithdrawn(HAIDIAN, IN_WINDOW);
        assertThat(Ask.register(OLDER, HAIDIAN, BOARDING_SCHOOL).history(rejected).judge())
                .fires(rule, ReasonCode.REREGISTRATION_NOT_IN_HOUSEHOLD_DISTRICT);

        assertThat(Ask.register(OLDER, HAIDIAN, DAY_SCHOOL).history(rejected).judge()).doesNotFire(rule).accepts();
        assertThat(Ask.register(OLDER, HEBEI, BOARDING_SCHOOL).history(rejectedAndWithdrawn(HEBEI, IN_WINDOW)).judge())
                .doesNotFire(rule);
        Registration plainWithdrawal = registration(OLDER, HAIDIAN, DAY_SCHOOL, Route.ONLINE, Step.WITHDRAW);
        assertThat(Ask.register(OLDER, HAIDIAN, BOARDING_SCHOOL).history(plainWithdrawal).judge()).doesNotFire(rule);
        assertThat(Ask.register(OLDER, HAIDIAN, BOARDING_SCHOOL).history(rejected, plainWithdrawal).judge()).doesNotFire(rule);
        Registration stillRejected = takeAt(registration(OLDER, HAIDIAN, BOARDING_SCHOOL, Route.BOARDING), IN_WINDOW,
                Step.BOARDING_REJECT);
        assertThat(Ask.register(OLDER, HAIDIAN, BOARDING_SCHOOL).history(stillRejected).judge()).doesNotFire(rule);
    }

    @Test
    @RuleTest("Boarding grace period")
    void boardingGracePeriodKeepsTheWindowOpenForTheNextRegistrationUntilGraceAfterTheLaterOfCloseAndRejection() {
        String rule = "Boarding grace period";
        Registration rejectedInWindow = rejectedAndWithdrawn(HAIDIAN, IN_WINDOW);
        assertThat(Ask.register(OLDER, HAIDIAN, DAY_SCHOOL).history(rejectedInWindow).at(AFTER_CLOSE).judge())
                .fires(rule).doesNotFire("Online window").accepts();
        assertThat(Ask.register(OLDER, HAIDIAN, DAY_SCHOOL).history(rejectedInWindow).at(CLOSES.plus(GRACE).minusSeconds(1)).judge())
                .fires(rule).doesNotFire("Online window");
        Instant rejectedAfterClose = CLOSES.plus(Duration.ofDays(5));
        Registration late = rejectedAndWithdrawn(HAIDIAN, rejectedAfterClose);
        assertThat(Ask.register(OLDER, HAIDIAN, DAY_SCHOOL).history(late).at(rejectedAfterClose.plus(GRACE).minusSeconds(1)).judge())
                .fires(rule).doesNotFire("Online window");

        assertThat(Ask.register(OLDER, HAIDIAN, DAY_SCHOOL).history(rejectedInWindow).at(CLOSES.plus(GRACE)).judge())
                .doesNotFire(rule).fires("Online window", ReasonCode.WINDOW_NOT_OPEN);
        assertThat(Ask.register(OLDER, HAIDIAN, DAY_SCHOOL).history(late).at(rejectedAfterClose.plus(GRACE)).judge())
                .doesNotFire(rule);
        assertThat(Ask.register(OLDER, HAIDIAN, DAY_SCHOOL).history(rejectedInWindow).at(OPENS.minusSeconds(1)).judge())
                .doesNotFire(rule);
        Registration plainWithdrawal = registration(OLDER, HAIDIAN, DAY_SCHOOL, Route.ONLINE, Step.WITHDRAW);
        assertThat(Ask.register(OLDER, HAIDIAN, DAY_SCHOOL).history(plainWithdrawal).at(AFTER_CLOSE).judge())
                .doesNotFire(rule).fires("Online window", ReasonCode.WINDOW_NOT_OPEN);
        Registration reRegistered = registration(OLDER, HAIDIAN, DAY_SCHOOL, Route.ONLINE);
        assertThat(Ask.amend(reRegistered, DAY_SCHOOL).history(rejectedInWindow, reRegistered).at(AFTER_CLOSE).judge())
                .doesNotFire(rule).fires("Online window", ReasonCode.WINDOW_NOT_OPEN);
    }

    @Test
    @RuleTest("Withdraw a boarding rejection at any time")
    void withdrawABoardingRejectionAtAnyTimeEvenAfterTheWindow() {
        String rule = "Withdraw a boarding rejection at any time";
        Registration rejected = takeAt(registration(OLDER, HAIDIAN, BOARDING_SCHOOL, Route.BOARDING), IN_WINDOW,
                Step.BOARDING_REJECT);
        assertThat(Ask.withdraw(rejected).at(AFTER_CLOSE.plus(Duration.ofDays(60))).judge())
                .fires(rule).doesNotFire("Online window").accepts();

        Registration submitted = registration(OLDER, HAIDIAN, BOARDING_SCHOOL, Route.BOARDING);
        assertThat(Ask.withdraw(submitted).at(AFTER_CLOSE).judge()).doesNotFire(rule).fires("Online window", ReasonCode.WINDOW_NOT_OPEN);
        assertThat(Ask.boardingDecide(submitted, false).at(AFTER_CLOSE).judge()).doesNotFire(rule);
    }
}
