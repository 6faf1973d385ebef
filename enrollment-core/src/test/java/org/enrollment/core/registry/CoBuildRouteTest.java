package org.enrollment.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enrollment.core.command.ReasonCode.ADVICE_REGISTER_ONLINE;
import static org.enrollment.core.command.ReasonCode.AGE_NOT_ELIGIBLE;
import static org.enrollment.core.command.ReasonCode.ALREADY_APPROVED;
import static org.enrollment.core.command.ReasonCode.COBUILD_NO_AGREEMENT;
import static org.enrollment.core.command.ReasonCode.COBUILD_OVER_QUOTA;
import static org.enrollment.core.command.ReasonCode.DUPLICATE_REGISTRATION;
import static org.enrollment.core.command.ReasonCode.INVALID_INPUT;
import static org.enrollment.core.command.ReasonCode.NOT_AUTHORIZED;
import static org.enrollment.core.command.ReasonCode.PLAN_FULL;
import static org.enrollment.core.command.ReasonCode.SUPERSEDED_ONLINE_REGISTRATION;
import static org.enrollment.core.command.ReasonCode.UNKNOWN_REGISTRATION;
import static org.enrollment.core.registration.RegistrationState.PRE_ADMITTED;
import static org.enrollment.core.registration.RegistrationState.WITHDRAWN;

import java.util.Arrays;
import java.util.List;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Approve;
import org.enrollment.core.command.CoBuildListing;
import org.enrollment.core.command.CoBuildSelect;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.ListedChildText;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.SubmitList;
import org.enrollment.core.fixture.ChildIds;
import org.enrollment.core.fixture.Desk;
import org.enrollment.core.fixture.ScenarioSeason;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.Route;
import org.enrollment.core.registration.Step;
import org.enrollment.core.season.CoBuildAgreement;
import org.junit.jupiter.api.Test;

/**
 * The co-build route (共建): a unit with an agreement gives a school its list; a list within the quota left
 * is selected at once, a longer one waits for the school's selection (差额推荐); a selection supersedes the
 * child's fallback online registration and never breaks uniqueness.
 */
class CoBuildRouteTest {

    private static final String HAIDIAN = ScenarioSeason.HAIDIAN;
    private static final String T = "2014-05-10T09:00:00+08:00";

    /** U-ACAD may send 2 children to HD001 (plan 3); U-TWO 1 child to HD002 (plan 2). */
    private final Desk desk = new Desk(ScenarioSeason.with(0, List.of(
            new CoBuildAgreement("U-ACAD", "HD001", 2), new CoBuildAgreement("U-TWO", "HD002", 1))), new ReferencePolicies());

    private final String a = ChildIds.eligible(HAIDIAN, 1);
    private final String b = ChildIds.eligible(HAIDIAN, 2);
    private final String c = ChildIds.eligible(HAIDIAN, 3);
    private final String d = ChildIds.eligible(HAIDIAN, 4);

    @Test
    void refusesAListFromAUnitWithoutAnAgreementWithThatSchool() {
        desk.refused(T, "COBUILD:U-FAKE", list("HD001", a), COBUILD_NO_AGREEMENT);
        desk.refused(T, "COBUILD:U-TWO", list("HD001", a), COBUILD_NO_AGREEMENT);
        desk.refused(T, "SCHOOL:HD001", list("HD001", a), NOT_AUTHORIZED);
        assertThat(desk.stateOf(a)).isEmpty();
        assertThat(desk.registry().store().waitingList("HD001")).isEmpty();
    }

    @Test
    void refusesAListNamingAChildTwiceOrAChildTooYoung() {
        Decision twice = desk.refused(T, "COBUILD:U-ACAD", list("HD001", a, a), INVALID_INPUT);
        assertThat(twice.reasons().get(0).rule()).isEqualTo("input: children[1].child");

        desk.refused(T, "COBUILD:U-ACAD", list("HD001", a, ChildIds.tooYoung(HAIDIAN, 1)), AGE_NOT_ELIGIBLE);
        desk.refused(T, "COBUILD:U-ACAD", list("HD001", a, b, ChildIds.tooYoung(HAIDIAN, 1)), AGE_NOT_ELIGIBLE);
    }

    @Test
    void selectsAListWithinTheQuotaAtOnceEvenAfterTheWindowClosed() {
        Decision listed = desk.accepted("2014-06-10T09:00:00+08:00", "COBUILD:U-ACAD", list("HD001", a, b));

        assertThat(listed.reasonCodes()).isEmpty();
        for (String child : List.of(a, b)) {
            Registration r = desk.registrationOf(child);
            assertThat(r.state()).isEqualTo(PRE_ADMITTED);
            assertThat(r.route()).isEqualTo(Route.CO_BUILD);
            assertThat(r.coBuildUnit()).isEqualTo("U-ACAD");
            assertThat(r.district()).isEqualTo(HAIDIAN);
            assertThat(r.school()).isEqualTo("HD001");
        }
        assertThat(desk.registry().store().placesTaken("HD001")).isEqualTo(2);
        assertThat(desk.registry().store().waitingList("HD001")).isEmpty();
    }

    @Test
    void aListSelectedAtOnceSupersedesTheFallbackRegistration() {
        Registration fallback = desk.register(a, HAIDIAN, "110102", "XC001");

        Decision listed = desk.accepted(T, "COBUILD:U-ACAD", list("HD001", a));

        assertThat(listed.reasonCodes()).containsExactly(SUPERSEDED_ONLINE_REGISTRATION);
        List<Registration> all = desk.registrationsOf(a);
        assertThat(all).hasSize(2);
        assertThat(all.get(0).number()).isEqualTo(fallback.number());
        assertThat(all.get(0).state()).isEqualTo(WITHDRAWN);
        assertThat(all.get(0).history().get(all.get(0).history().size() - 1).step()).isEqualTo(Step.SUPERSEDE);
        assertThat(all.get(1).route()).isEqualTo(Route.CO_BUILD);
        assertThat(all.stream().filter(Registration::isActive)).hasSize(1);
    }

    @Test
    void aLongerListWaitsAndAdvisesChildrenWithoutARegistrationToRegisterOnline() {
        desk.register(a, HAIDIAN, HAIDIAN, "HD002");

        Decision waiting = desk.accepted(T, "COBUILD:U-ACAD", list("HD001", a, b, c));

        assertThat(waiting.reasonCodes()).containsExactly(ADVICE_REGISTER_ONLINE);
        assertThat(desk.stateOf(b)).isEmpty();
        assertThat(desk.registrationOf(a).route()).isEqualTo(Route.ONLINE);
        assertThat(desk.registry().store().waitingList("HD001")).hasValueSatisfying(w -> assertThat(w.children()).hasSize(3));

        desk.register(b, HAIDIAN, HAIDIAN, "HD002");
        desk.register(c, HAIDIAN, HAIDIAN, "HD001");
        Decision allRegistered = desk.accepted(T, "COBUILD:U-ACAD", list("HD001", a, b, c));
        assertThat(allRegistered.reasonCodes()).isEmpty();
    }

    @Test
    void theQuotaIsForTheWholeSeason() {
        desk.accepted(T, "COBUILD:U-ACAD", list("HD001", a));
        desk.accepted(T, "COBUILD:U-ACAD", list("HD001", b, c));
        assertThat(desk.stateOf(b)).isEmpty();

        desk.refused(T, "SCHOOL:HD001", select(b, c), COBUILD_OVER_QUOTA);
        desk.accepted(T, "SCHOOL:HD001", select(c));

        assertThat(desk.stateOf(c)).contains(PRE_ADMITTED);
        desk.accepted(T, "COBUILD:U-ACAD", list("HD001", d, b));
        desk.refused(T, "SCHOOL:HD001", select(d), COBUILD_OVER_QUOTA);
    }

    @Test
    void aNewerListReplacesTheOneWaitingButAListSelectedAtOnceLeavesItAsItIs() {
        desk.accepted(T, "COBUILD:U-ACAD", list("HD001", a, b, c));
        desk.accepted(T, "COBUILD:U-ACAD", list("HD001", b, c, d));
        desk.refused(T, "SCHOOL:HD001", select(a), UNKNOWN_REGISTRATION);

        String e = ChildIds.eligible(HAIDIAN, 5);
        desk.accepted(T, "COBUILD:U-ACAD", list("HD001", e));
        assertThat(desk.stateOf(e)).contains(PRE_ADMITTED);

        desk.accepted(T, "SCHOOL:HD001", select(d));
        assertThat(desk.stateOf(d)).contains(PRE_ADMITTED);
    }

    @Test
    void onlyTheSchoolSelectsOnceFromTheListWaitingForIt() {
        desk.accepted(T, "COBUILD:U-ACAD", list("HD001", a, b, c));

        desk.refused(T, "COBUILD:U-ACAD", select(a), NOT_AUTHORIZED);
        desk.refused(T, "CITY", select(a), NOT_AUTHORIZED);
        desk.refused(T, "SCHOOL:HD002", select(a), UNKNOWN_REGISTRATION);
        desk.refused(T, "SCHOOL:HD001", select(d), UNKNOWN_REGISTRATION);
        Decision twice = desk.refused(T, "SCHOOL:HD001", select(a, a), INVALID_INPUT);
        assertThat(twice.reasons().get(0).rule()).isEqualTo("input: children[1]");

        Decision selected = desk.accepted(T, "SCHOOL:HD001", select(a, b));
        assertThat(selected.reasonCodes()).containsExactly(ADVICE_REGISTER_ONLINE);
        assertThat(desk.registry().store().waitingList("HD001")).isEmpty();
        desk.refused(T, "SCHOOL:HD001", select(c), UNKNOWN_REGISTRATION);
    }

    @Test
    void refusesToSelectAChildAlreadyApproved() {
        desk.clock().set(T);
        desk.preAdmit(a, HAIDIAN, HAIDIAN, "HD002");
        desk.accepted(T, "SCHOOL:HD002", new SubmitList());
        desk.accepted(T, "DISTRICT:110108", new Approve("HD002", null));
        desk.accepted(T, "COBUILD:U-ACAD", list("HD001", a, b, c));

        desk.refused(T, "SCHOOL:HD001", select(a), ALREADY_APPROVED);
        desk.refused(T, "COBUILD:U-ACAD", list("HD001", a), ALREADY_APPROVED);
    }

    @Test
    void refusesToSelectAChildWhoAlreadyHoldsACoBuildRegistration() {
        desk.accepted(T, "COBUILD:U-ACAD", list("HD001", a));
        desk.accepted(T, "COBUILD:U-TWO", list("HD002", a, b));

        desk.refused(T, "SCHOOL:HD002", select(a), DUPLICATE_REGISTRATION);
        assertThat(desk.registrationOf(a).school()).isEqualTo("HD001");
    }

    @Test
    void aSelectionNeedsPlacesInThePlanCountingTheChildsOwnPlaceThereAsFree() {
        desk.clock().set(T);
        desk.preAdmit(a, HAIDIAN, HAIDIAN, "HD001");
        desk.preAdmit(b, HAIDIAN, HAIDIAN, "HD001");

        desk.refused(T, "COBUILD:U-ACAD", list("HD001", c, d), PLAN_FULL);
        Decision d1 = desk.accepted(T, "COBUILD:U-ACAD", list("HD001", a, c));

        assertThat(d1.reasonCodes()).containsExactly(SUPERSEDED_ONLINE_REGISTRATION);
        assertThat(desk.registry().store().placesTaken("HD001")).isEqualTo(3);
        assertThat(desk.registrationOf(a).route()).isEqualTo(Route.CO_BUILD);
    }

    @Test
    void reportsEveryCoBuildRefusalOfASelectionTogether() {
        desk.clock().set(T);
        desk.preAdmit(a, HAIDIAN, HAIDIAN, "HD002");
        desk.preAdmit(b, HAIDIAN, HAIDIAN, "HD002");
        desk.accepted(T, "SCHOOL:HD002", new SubmitList());
        desk.accepted(T, "DISTRICT:110108", new Approve("HD002", null));
        desk.accepted(T, "COBUILD:U-TWO", list("HD002", a, c));

        desk.refused(T, "SCHOOL:HD002", select(a, c), COBUILD_OVER_QUOTA, ALREADY_APPROVED, PLAN_FULL);
    }

    @Test
    void theFallbackNeverBreaksUniquenessAfterASelection() {
        desk.register(a, HAIDIAN, HAIDIAN, "HD002");
        desk.register(b, HAIDIAN, HAIDIAN, "HD001");
        desk.accepted(T, "COBUILD:U-ACAD", list("HD001", a, b, c));

        Decision selected = desk.accepted(T, "SCHOOL:HD001", select(a, b));

        assertThat(selected.reasonCodes()).containsExactlyInAnyOrder(SUPERSEDED_ONLINE_REGISTRATION, ADVICE_REGISTER_ONLINE);
        for (String child : List.of(a, b)) {
            List<Registration> all = desk.registry().registrationsOf(ResidentId.of(child));
            assertThat(all).extracting(Registration::state).containsExactly(WITHDRAWN, PRE_ADMITTED);
        }
        desk.refused(T, "GUARDIAN", new Register(a, "甲", HAIDIAN, HAIDIAN, "HD002", null),
                DUPLICATE_REGISTRATION);
    }

    private static CoBuildListing list(String school, String... children) {
        return new CoBuildListing(school, Arrays.stream(children).map(c -> new ListedChildText(c, "共建生", "110108")).toList());
    }

    private static CoBuildSelect select(String... children) {
        return new CoBuildSelect(List.of(children));
    }
}
