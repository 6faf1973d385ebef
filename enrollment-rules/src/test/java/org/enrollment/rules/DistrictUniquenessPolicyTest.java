package org.enrollment.rules;

import static org.enrollment.rules.Fixtures.BOARDING_SCHOOL;
import static org.enrollment.rules.Fixtures.CHAOYANG;
import static org.enrollment.rules.Fixtures.DAY_SCHOOL;
import static org.enrollment.rules.Fixtures.HAIDIAN;
import static org.enrollment.rules.Fixtures.HEBEI;
import static org.enrollment.rules.Fixtures.OLDER;
import static org.enrollment.rules.Fixtures.XICHENG;
import static org.enrollment.rules.Fixtures.registration;
import static org.enrollment.rules.VerdictAssert.assertThat;

import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.Route;
import org.enrollment.core.registration.Step;
import org.junit.jupiter.api.Test;

/** district-uniqueness.drl: one active registration per child, city-wide; the school is in the registration's district. */
class DistrictUniquenessPolicyTest {

    @Test
    @RuleTest("One active registration per child")
    void oneActiveRegistrationPerChildRefusesASecondRegistrationAnywhereUntilTheFirstIsWithdrawn() {
        String rule = "One active registration per child";
        Registration inHaidian = registration(OLDER, HAIDIAN, DAY_SCHOOL, Route.ONLINE);
        Registration approved = registration(OLDER, HAIDIAN, DAY_SCHOOL, Route.ONLINE,
                Step.VERIFY_PASS, Step.TICK, Step.SUBMIT, Step.APPROVE);
        Registration withdrawn = registration(OLDER, HAIDIAN, DAY_SCHOOL, Route.ONLINE, Step.WITHDRAW);
        assertThat(Ask.register(OLDER, HAIDIAN, BOARDING_SCHOOL).history(inHaidian).judge())
                .fires(rule, ReasonCode.DUPLICATE_REGISTRATION);
        assertThat(Ask.register(OLDER, HAIDIAN, DAY_SCHOOL).history(withdrawn, approved).judge())
                .fires(rule, ReasonCode.DUPLICATE_REGISTRATION);

        assertThat(Ask.register(OLDER, HAIDIAN, BOARDING_SCHOOL).history(withdrawn).judge()).doesNotFire(rule).accepts();
        assertThat(Ask.register(OLDER, HAIDIAN, DAY_SCHOOL).judge()).doesNotFire(rule);
        assertThat(Ask.amend(inHaidian, DAY_SCHOOL).judge()).doesNotFire(rule);
    }

    @Test
    @RuleTest("School in the registration's district")
    void schoolInTheRegistrationsDistrictSendsCrossDistrictChoicesToTheSchoolsDistrict() {
        String rule = "School in the registration's district";
        assertThat(Ask.register(OLDER, HAIDIAN, DAY_SCHOOL).inDistrict(XICHENG).judge())
                .fires(rule, ReasonCode.SCHOOL_NOT_IN_DISTRICT);
        Registration inHaidian = registration(OLDER, HAIDIAN, DAY_SCHOOL, Route.ONLINE);
        assertThat(Ask.amend(inHaidian, BOARDING_SCHOOL).judge()).fires(rule, ReasonCode.SCHOOL_NOT_IN_DISTRICT);

        assertThat(Ask.register(OLDER, CHAOYANG, BOARDING_SCHOOL).judge()).doesNotFire(rule).accepts();
        assertThat(Ask.register(OLDER, HEBEI, DAY_SCHOOL).judge()).doesNotFire(rule);
        assertThat(Ask.amend(inHaidian, DAY_SCHOOL).judge()).doesNotFire(rule);
        assertThat(Ask.withdraw(inHaidian).judge()).doesNotFire(rule);
    }
}
