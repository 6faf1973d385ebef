package org.enrollment.rules;

import static org.enrollment.rules.Fixtures.AGREEMENT;
import static org.enrollment.rules.Fixtures.ANOTHER;
import static org.enrollment.rules.Fixtures.BOARDING_SCHOOL;
import static org.enrollment.rules.Fixtures.DAY_SCHOOL;
import static org.enrollment.rules.Fixtures.HAIDIAN;
import static org.enrollment.rules.Fixtures.OLDER;
import static org.enrollment.rules.Fixtures.SIX_ON_CUTOFF;
import static org.enrollment.rules.Fixtures.XICHENG;
import static org.enrollment.rules.Fixtures.coBuildRegistration;
import static org.enrollment.rules.Fixtures.registration;
import static org.enrollment.rules.VerdictAssert.assertThat;

import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.Route;
import org.enrollment.core.registration.Step;
import org.enrollment.rules.Ask.Listed;
import org.junit.jupiter.api.Test;

/** co-build-exemption.drl: agreements, quotas, places, and what a selection does to the children's other registrations. */
class CoBuildExemptionPolicyTest {

    @Test
    @RuleTest("Agreement needed")
    void agreementNeededRefusesAListFromAUnitWithoutAnAgreementWithTheSchool() {
        String rule = "Agreement needed";
        assertThat(Ask.coBuildList("U-FAKE", null, 0, Listed.listed(OLDER)).judge()).fires(rule, ReasonCode.COBUILD_NO_AGREEMENT);

        assertThat(Ask.coBuildList(AGREEMENT.unit(), AGREEMENT, 2, Listed.listed(OLDER)).judge()).doesNotFire(rule).accepts();
        assertThat(Ask.coBuildList(AGREEMENT.unit(), AGREEMENT, 0, Listed.listed(OLDER)).judge()).doesNotFire(rule);
        assertThat(Ask.coBuildSelect(1, Listed.selected(OLDER)).judge()).doesNotFire(rule);
    }

    @Test
    @RuleTest("Selection within the quota")
    void selectionWithinTheQuotaRefusesASelectionLargerThanTheQuotaLeft() {
        String rule = "Selection within the quota";
        assertThat(Ask.coBuildSelect(1, Listed.selected(OLDER), Listed.selected(ANOTHER)).judge())
                .fires(rule, ReasonCode.COBUILD_OVER_QUOTA);
        assertThat(Ask.coBuildSelect(0, Listed.selected(OLDER), Listed.leftOut(ANOTHER)).judge())
                .fires(rule, ReasonCode.COBUILD_OVER_QUOTA);

        assertThat(Ask.coBuildSelect(1, Listed.selected(OLDER), Listed.leftOut(ANOTHER)).judge()).doesNotFire(rule);
        assertThat(Ask.coBuildList(AGREEMENT.unit(), AGREEMENT, 1, Listed.listed(OLDER), Listed.listed(ANOTHER),
                Listed.listed(SIX_ON_CUTOFF)).judge()).doesNotFire(rule);
    }

    @Test
    @RuleTest("Selected child not yet approved")
    void selectedChildNotYetApprovedRefusesSelectingAChildTheDistrictApproved() {
        String rule = "Selected child not yet approved";
        Registration approved = registration(OLDER, HAIDIAN, DAY_SCHOOL, Route.ONLINE, Step.VERIFY_PASS, Step.TICK, Step.SUBMIT,
                Step.APPROVE);
        Registration admitted = Fixtures.take(approved, Step.ADMIT);
        assertThat(Ask.coBuildSelect(2, Listed.selected(OLDER, approved)).judge()).fires(rule, ReasonCode.ALREADY_APPROVED);
        assertThat(Ask.coBuildSelect(2, Listed.selected(OLDER, admitted)).judge()).fires(rule, ReasonCode.ALREADY_APPROVED);
        assertThat(Ask.coBuildList(AGREEMENT.unit(), AGREEMENT, 2, Listed.listed(OLDER, approved)).judge())
                .fires(rule, ReasonCode.ALREADY_APPROVED);

        Registration underReview = registration(OLDER, HAIDIAN, DAY_SCHOOL, Route.ONLINE, Step.VERIFY_PASS, Step.TICK, Step.SUBMIT);
        assertThat(Ask.coBuildSelect(2, Listed.selected(OLDER, underReview)).judge()).doesNotFire(rule);
        assertThat(Ask.coBuildSelect(2, Listed.selected(ANOTHER), Listed.leftOut(OLDER, approved)).judge()).doesNotFire(rule);
        assertThat(Ask.coBuildList(AGREEMENT.unit(), AGREEMENT, 0, Listed.listed(OLDER, approved)).judge()).doesNotFire(rule);
    }

    @Test
    @RuleTest("One co-build registration per child")
    void oneCoBuildRegistrationPerChildRefusesSelectingAChildWhoHoldsOne() {
        String rule = "One co-build registration per child";
        Registration coBuild = coBuildRegistration(OLDER);
        assertThat(Ask.coBuildSelect(2, Listed.selected(OLDER, coBuild)).judge()).fires(rule, ReasonCode.DUPLICATE_REGISTRATION);

        Registration released = coBuildRegistration(OLDER, Step.RELEASE);
        assertThat(Ask.coBuildSelect(2, Listed.selected(OLDER, released)).judge()).doesNotFire(rule);
        assertThat(Ask.coBuildSelect(2, Listed.selected(ANOTHER), Listed.leftOut(OLDER, coBuild)).judge()).doesNotFire(rule);
        Registration online = registration(OLDER, HAIDIAN, DAY_SCHOOL, Route.ONLINE);
        assertThat(Ask.coBuildSelect(2, Listed.selected(OLDER, online)).judge()).doesNotFire(rule);
    }

    @Test
    @RuleTest("Selection needs places in the plan")
    void selectionNeedsPlacesInThePlanCountingASelectedChildsOwnPlaceAsFreed() {
        String rule = "Selection needs places in the plan";
        int plan = DAY_SCHOOL.plan();
        assertThat(Ask.coBuildSelect(2, Listed.selected(OLDER)).placesTaken(plan).judge()).fires(rule, ReasonCode.PLAN_FULL);
        assertThat(Ask.coBuildSelect(2, Listed.selected(OLDER), Listed.selected(ANOTHER)).placesTaken(plan - 1).judge())
                .fires(rule, ReasonCode.PLAN_FULL);
        Registration verifiedHere = registration(OLDER, HAIDIAN, DAY_SCHOOL, Route.ONLINE, Step.VERIFY_PASS);
        assertThat(Ask.coBuildSelect(2, Listed.selected(OLDER, verifiedHere)).placesTaken(plan).judge()).fires(rule, ReasonCode.PLAN_FULL);
        Registration tickedElsewhere = registration(OLDER, XICHENG, BOARDING_SCHOOL, Route.BOARDING, Step.BOARDING_ADMIT);
        assertThat(Ask.coBuildSelect(2, Listed.selected(OLDER, tickedElsewhere)).placesTaken(plan).judge())
                .fires(rule, ReasonCode.PLAN_FULL);
        assertThat(Ask.coBuildList(AGREEMENT.unit(), AGREEMENT, 2, Listed.listed(OLDER)).placesTaken(plan).judge())
                .fires(rule, ReasonCode.PLAN_FULL);

        assertThat(Ask.coBuildSelect(2, Listed.selected(OLDER)).placesTaken(plan - 1).judge()).doesNotFire(rule).accepts();
        Registration tickedHere = registration(OLDER, HAIDIAN, DAY_SCHOOL, Route.ONLINE, Step.VERIFY_PASS, Step.TICK);
        assertThat(Ask.coBuildSelect(2, Listed.selected(OLDER, tickedHere)).placesTaken(plan).judge()).doesNotFire(rule);
        assertThat(Ask.coBuildList(AGREEMENT.unit(), AGREEMENT, 0, Listed.listed(OLDER)).placesTaken(plan).judge())
                .doesNotFire(rule);
    }

    @Test
    @RuleTest("Selection supersedes the fallback")
    void selectionSupersedesTheFallbackOfASelectedChildWithAdvice() {
        String rule = "Selection supersedes the fallback";
        Registration online = registration(OLDER, HAIDIAN, DAY_SCHOOL, Route.ONLINE);
        assertThat(Ask.coBuildSelect(2, Listed.selected(OLDER, online)).judge())
                .fires(rule, ReasonCode.SUPERSEDED_ONLINE_REGISTRATION).accepts();
        assertThat(Ask.coBuildList(AGREEMENT.unit(), AGREEMENT, 2, Listed.listed(OLDER, online)).judge())
                .fires(rule, ReasonCode.SUPERSEDED_ONLINE_REGISTRATION).accepts();

        Registration withdrawn = registration(OLDER, HAIDIAN, DAY_SCHOOL, Route.ONLINE, Step.WITHDRAW);
        assertThat(Ask.coBuildSelect(2, Listed.selected(OLDER, withdrawn)).judge()).doesNotFire(rule);
        assertThat(Ask.coBuildSelect(2, Listed.selected(ANOTHER), Listed.leftOut(OLDER, online)).judge()).doesNotFire(rule);
        assertThat(Ask.coBuildList(AGREEMENT.unit(), AGREEMENT, 0, Listed.listed(OLDER, online)).judge()).doesNotFire(rule);
    }

    @Test
    @RuleTest("Advise online registration")
    void adviseOnlineRegistrationToAChildLeftWaitingOrLeftOutWithoutARegistration() {
        String rule = "Advise online registration";
        assertThat(Ask.coBuildList(AGREEMENT.unit(), AGREEMENT, 1, Listed.listed(OLDER), Listed.listed(ANOTHER)).judge())
                .fires(rule, ReasonCode.ADVICE_REGISTER_ONLINE).accepts();
        assertThat(Ask.coBuildSelect(1, Listed.selected(OLDER), Listed.leftOut(ANOTHER)).judge())
                .fires(rule, ReasonCode.ADVICE_REGISTER_ONLINE).accepts();

        Registration online = registration(ANOTHER, HAIDIAN, DAY_SCHOOL, Route.ONLINE);
        assertThat(Ask.coBuildSelect(1, Listed.selected(OLDER), Listed.leftOut(ANOTHER, online)).judge()).doesNotFire(rule);
        assertThat(Ask.coBuildList(AGREEMENT.unit(), AGREEMENT, 2, Listed.listed(OLDER), Listed.listed(ANOTHER)).judge())
                .doesNotFire(rule);
        Registration withdrawn = registration(ANOTHER, HAIDIAN, DAY_SCHOOL, Route.ONLINE, Step.WITHDRAW);
        assertThat(Ask.coBuildSelect(1, Listed.selected(OLDER), Listed.leftOut(ANOTHER, withdrawn)).judge())
                .fires(rule, ReasonCode.ADVICE_REGISTER_ONLINE);
    }
}
