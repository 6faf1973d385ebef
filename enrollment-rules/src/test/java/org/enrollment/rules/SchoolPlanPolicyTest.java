package org.enrollment.rules;

import static org.enrollment.rules.Fixtures.BOARDING_SCHOOL;
import static org.enrollment.rules.Fixtures.DAY_SCHOOL;
import static org.enrollment.rules.Fixtures.HAIDIAN;
import static org.enrollment.rules.Fixtures.OLDER;
import static org.enrollment.rules.Fixtures.XICHENG;
import static org.enrollment.rules.Fixtures.registration;
import static org.enrollment.rules.VerdictAssert.assertThat;

import org.enrollment.core.command.Actor;
import org.enrollment.core.command.CommandKind;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.Route;
import org.enrollment.core.registration.Step;
import org.junit.jupiter.api.Test;

/** school-plan.drl: a tick or a boarding admission needs a place left in the school's plan. */
class SchoolPlanPolicyTest {

    @Test
    @RuleTest("A place in the plan")
    void aPlaceInThePlanRefusesATickOrBoardingAdmissionWhenThePlanIsFull() {
        String rule = "A place in the plan";
        Actor school = Actor.school(DAY_SCHOOL.code());
        Registration verified = registration(OLDER, HAIDIAN, DAY_SCHOOL, Route.ONLINE, Step.VERIFY_PASS);
        Registration boarding = registration(OLDER, XICHENG, BOARDING_SCHOOL, Route.BOARDING);
        assertThat(Ask.step(CommandKind.TICK, school, verified).placesTaken(DAY_SCHOOL.plan()).judge())
                .fires(rule, ReasonCode.PLAN_FULL);
        assertThat(Ask.boardingDecide(boarding, true).placesTaken(BOARDING_SCHOOL.plan()).judge())
                .fires(rule, ReasonCode.PLAN_FULL);

        assertThat(Ask.step(CommandKind.TICK, school, verified).placesTaken(DAY_SCHOOL.plan() - 1).judge())
                .doesNotFire(rule).accepts();
        assertThat(Ask.boardingDecide(boarding, false).placesTaken(BOARDING_SCHOOL.plan()).judge()).doesNotFire(rule);
        Registration ticked = registration(OLDER, HAIDIAN, DAY_SCHOOL, Route.ONLINE, Step.VERIFY_PASS, Step.TICK);
        assertThat(Ask.step(CommandKind.UNTICK, school, ticked).placesTaken(DAY_SCHOOL.plan()).judge()).doesNotFire(rule);
        assertThat(Ask.step(CommandKind.SUBMIT_LIST, school, ticked).placesTaken(DAY_SCHOOL.plan()).judge()).doesNotFire(rule);
    }
}
