package org.enrollment.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enrollment.core.command.ReasonCode.ILLEGAL_TRANSITION;
import static org.enrollment.core.command.ReasonCode.INVALID_INPUT;
import static org.enrollment.core.command.ReasonCode.NOT_AUTHORIZED;
import static org.enrollment.core.command.ReasonCode.PLAN_FULL;
import static org.enrollment.core.registration.RegistrationState.ADMITTED;
import static org.enrollment.core.registration.RegistrationState.APPROVED;
import static org.enrollment.core.registration.RegistrationState.SUBMITTED;
import static org.enrollment.core.registration.RegistrationState.UNDER_REVIEW;
import static org.enrollment.core.registration.RegistrationState.VERIFIED;
import static org.enrollment.core.registration.RegistrationState.WITHDRAWN;

import java.util.List;
import org.enrollment.core.command.Admit;
import org.enrollment.core.command.Approve;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.Release;
import org.enrollment.core.command.ReturnEntry;
import org.enrollment.core.command.SubmitList;
import org.enrollment.core.command.Tick;
import org.enrollment.core.command.Untick;
import org.enrollment.core.fixture.ChildIds;
import org.enrollment.core.fixture.Desk;
import org.enrollment.core.fixture.PermissivePolicies;
import org.enrollment.core.fixture.ScenarioSeason;
import org.enrollment.core.fixture.StoreSnapshot;
import org.enrollment.core.policy.PolicyEngine;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationEvent;
import org.enrollment.core.registration.Step;
import org.junit.jupiter.api.Test;

/**
 * What schools and districts do to registrations: ticks within the plan, submitted lists approved or
 * returned as a whole or entry by entry, releases, and admission notices for a whole school.
 */
class SchoolAndDistrictTest {

    private static final String HAIDIAN = ScenarioSeason.HAIDIAN;
    private static final String T = "2014-05-10T09:00:00+08:00";

    private final String a = ChildIds.eligible(HAIDIAN, 1);
    private final String b = ChildIds.eligible(HAIDIAN, 2);
    private final String c = ChildIds.eligible(HAIDIAN, 3);

    @Test
    void refusesATickWhenThePlanIsFullAndAcceptsItOnceAPlaceIsFreed() {
        assertTickRefusedWhenFull(new ReferencePolicies(), "A place in the plan");
    }

    @Test
    void theStoreRefusesATickPastThePlanEvenWhenThePoliciesAcceptEverything() {
        assertTickRefusedWhenFull(new PermissivePolicies(), "store: school plan");
    }

    /** A desk of the plain season at {@link #T}, with these Haidian children pre-admitted at the school. */
    private static Desk preAdmitted(PolicyEngine policies, String school, String... children) {
        Desk desk = new Desk(ScenarioSeason.plain(), policies);
        desk.clock().set(T);
        for (String child : children) {
            desk.preAdmit(child, HAIDIAN, HAIDIAN, school);
        }
        return desk;
    }

    private void assertTickRefusedWhenFull(PolicyEngine policies, String refusingRule) {
        Desk desk = preAdmitted(policies, "HD002", a, b);
        desk.register(c, HAIDIAN, HAIDIAN, "HD002");
        desk.verify(c);

        Decision full = desk.refused(T, "SCHOOL:HD002", new Tick(c), PLAN_FULL);
        assertThat(full.reasons().get(0).rule()).isEqualTo(refusingRule);
        assertThat(desk.stateOf(c)).contains(VERIFIED);

        desk.accepted(T, "SCHOOL:HD002", new Untick(b));
        assertThat(desk.stateOf(b)).contains(VERIFIED);
        desk.accepted(T, "SCHOOL:HD002", new Tick(c));
        assertThat(desk.registry().store().placesTaken("HD002")).isEqualTo(2);
    }

    @Test
    void aSubmittedListIsFrozenUntilTheDistrictApprovesOrReturnsAnEntry() {
        Desk desk = preAdmitted(new ReferencePolicies(), "HD001", a, b);
        desk.register(c, HAIDIAN, HAIDIAN, "HD001");
        desk.verify(c);

        Decision submitted = desk.accepted(T, "SCHOOL:HD001", new SubmitList());
        assertThat(submitted.registrations()).extracting(Registration::state).containsOnly(UNDER_REVIEW).hasSize(2);
        assertThat(desk.stateOf(c)).contains(VERIFIED);
        desk.refused(T, "SCHOOL:HD001", new Untick(a), ILLEGAL_TRANSITION);

        Decision noReason = desk.refused(T, "DISTRICT:110108", new ReturnEntry(a, null), INVALID_INPUT);
        assertThat(noReason.reasons().get(0).rule()).isEqualTo("input: reason");
        desk.refused(T, "DISTRICT:110102", new ReturnEntry(a, "材料不符"), NOT_AUTHORIZED);
        desk.refused(T, "DISTRICT:110108", new ReturnEntry(c, "材料不符"), ILLEGAL_TRANSITION);
        desk.accepted(T, "DISTRICT:110108", new ReturnEntry(a, "材料不符"));

        Registration returned = desk.registrationOf(a);
        RegistrationEvent last = returned.history().get(returned.history().size() - 1);
        assertThat(returned.state()).isEqualTo(VERIFIED);
        assertThat(last.step()).isEqualTo(Step.RETURN);
        assertThat(last.reason()).isEqualTo("材料不符");
        assertThat(desk.registry().store().placesTaken("HD001")).isEqualTo(1);

        desk.accepted(T, "DISTRICT:110108", new Approve(null, b));
        assertThat(desk.stateOf(b)).contains(APPROVED);
    }

    @Test
    void theDistrictReleasesWhatIsNotYetApprovedAndFreesTheChildAndItsPlace() {
        Desk desk = preAdmitted(new ReferencePolicies(), "HD002", a, b);
        desk.accepted(T, "SCHOOL:HD002", new SubmitList());
        desk.accepted(T, "DISTRICT:110108", new Approve(null, b));

        desk.refused(T, "DISTRICT:110108", new Release(b, "家长放弃"), ILLEGAL_TRANSITION);
        desk.refused(T, "SCHOOL:HD002", new Release(a, "家长放弃"), NOT_AUTHORIZED);
        desk.refused(T, "DISTRICT:110108", new Release(a, "\u0000"), INVALID_INPUT);
        Registration before = desk.registrationOf(a);
        desk.accepted(T, "DISTRICT:110108", new Release(a, "家长放弃，身份证 " + a));

        Registration released = desk.registrationOf(a);
        assertThat(released.state()).isEqualTo(WITHDRAWN);
        assertThat(released.history().get(released.history().size() - 1).reason()).doesNotContain(a).contains("家长放弃");
        assertThat(desk.registry().store().placesTaken("HD002")).isEqualTo(1);
        Registration again = desk.register(a, HAIDIAN, HAIDIAN, "HD001");
        assertThat(again.number()).isNotEqualTo(before.number());
    }

    @Test
    void theDistrictApprovesAWholeListAndTheSchoolAdmitsEveryApprovedChild() {
        Desk desk = preAdmitted(new ReferencePolicies(), "HD001", a, b, c);
        String elsewhere = ChildIds.eligible(HAIDIAN, 4);
        desk.preAdmit(elsewhere, HAIDIAN, HAIDIAN, "HD002");
        desk.accepted(T, "SCHOOL:HD001", new SubmitList());
        desk.accepted(T, "SCHOOL:HD002", new SubmitList());

        desk.refused(T, "DISTRICT:110102", new Approve("HD001", null), NOT_AUTHORIZED);
        desk.refused(T, "DISTRICT:110108", new Approve("HD001", a), INVALID_INPUT);
        Decision approved = desk.accepted(T, "DISTRICT:110108", new Approve("HD001", null));

        assertThat(approved.registrations()).extracting(Registration::state).containsOnly(APPROVED).hasSize(3);
        assertThat(desk.stateOf(elsewhere)).contains(UNDER_REVIEW);

        desk.refused(T, "SCHOOL:HD002", new Admit(a), NOT_AUTHORIZED);
        desk.accepted(T, "SCHOOL:HD001", new Admit(a));
        Decision admitted = desk.accepted(T, "SCHOOL:HD001", new Admit(null));
        assertThat(admitted.registrations()).extracting(Registration::state).containsOnly(ADMITTED).hasSize(2);
        for (String child : List.of(a, b, c)) {
            assertThat(desk.stateOf(child)).contains(ADMITTED);
        }
        desk.refused(T, "DISTRICT:110108", new Admit(null), NOT_AUTHORIZED);
        desk.refused(T, "SCHOOL:NOPE", new Admit(null), NOT_AUTHORIZED);
    }

    @Test
    void aWholeSchoolCommandWithNothingToActOnIsAcceptedAndChangesNothingButIsRecorded() {
        Desk desk = new Desk(ScenarioSeason.plain(), new ReferencePolicies());
        desk.register(a, HAIDIAN, HAIDIAN, "HD001");
        StoreSnapshot before = StoreSnapshot.of(desk.registry());

        for (var command : List.of(new SubmitList(), new Admit(null))) {
            Decision d = desk.accepted(T, "SCHOOL:HD001", command);
            assertThat(d.registrations()).isEmpty();
        }
        assertThat(desk.accepted(T, "DISTRICT:110108", new Approve("HD001", null)).registrations()).isEmpty();

        assertThat(StoreSnapshot.of(desk.registry())).isEqualTo(before);
        assertThat(desk.registry().audit().head().count()).isEqualTo(4);
        assertThat(desk.stateOf(a)).contains(SUBMITTED);
        assertThat(desk.stateOf(b)).isEmpty();
    }
}
