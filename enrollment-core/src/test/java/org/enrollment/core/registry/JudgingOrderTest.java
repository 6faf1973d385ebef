package org.enrollment.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enrollment.core.command.ReasonCode.AGE_NOT_ELIGIBLE;
import static org.enrollment.core.command.ReasonCode.DOCUMENTS_MISSING;
import static org.enrollment.core.command.ReasonCode.DUPLICATE_REGISTRATION;
import static org.enrollment.core.command.ReasonCode.ILLEGAL_TRANSITION;
import static org.enrollment.core.command.ReasonCode.INVALID_INPUT;
import static org.enrollment.core.command.ReasonCode.INVALID_RESIDENT_ID;
import static org.enrollment.core.command.ReasonCode.NOT_AUTHORIZED;
import static org.enrollment.core.command.ReasonCode.PLAN_FULL;
import static org.enrollment.core.command.ReasonCode.SCHOOL_NOT_IN_DISTRICT;
import static org.enrollment.core.command.ReasonCode.UNKNOWN_DISTRICT;
import static org.enrollment.core.command.ReasonCode.UNKNOWN_REGISTRATION;
import static org.enrollment.core.command.ReasonCode.UNKNOWN_SCHOOL;
import static org.enrollment.core.command.ReasonCode.WINDOW_NOT_OPEN;

import java.util.ArrayList;
import java.util.List;
import org.enrollment.core.command.Amend;
import org.enrollment.core.command.Approve;
import org.enrollment.core.command.CoBuildListing;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.ListedChildText;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.Tick;
import org.enrollment.core.command.Verify;
import org.enrollment.core.command.Withdraw;
import org.enrollment.core.fixture.ChildIds;
import org.enrollment.core.fixture.Desk;
import org.enrollment.core.fixture.ScenarioSeason;
import org.enrollment.core.policy.ReferencePolicies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A command is judged input first, then authority, then lifecycle, then the policies, stopping at the first
 * step that refuses; within the input, the first field in the order SCENARIOS.md lists them; the policies
 * report every rule that refuses.
 */
class JudgingOrderTest {

    private static final String T = "2014-05-06T09:00:00+08:00";
    private static final String AFTER_WINDOW = "2014-06-02T09:00:00+08:00";
    private static final String CHILD = ChildIds.eligible("110108", 1);

    private Desk desk;

    @BeforeEach
    void openTheSeason() {
        desk = new Desk(ScenarioSeason.plain(), new ReferencePolicies());
    }

    @Test
    void refusesAnActorOfNoKnownFormBeforeLookingAtAnythingElse() {
        Decision d = desk.refused(T, "TEACHER:7", new Register("bad", "", "x", "999999", "NOPE", "WALK"), INVALID_INPUT);

        assertThat(d.reasons().get(0).rule()).isEqualTo("input: as");
        assertThat(d.reasons().get(0).messageEn()).contains("'TEACHER:7'");
        assertThat(desk.lastAuditEntry().body()).contains("\"actor\":\"INVALID\"", "\"command\":\"register\"");
    }

    @Test
    void reportsOnlyTheFirstBadFieldInTheOrderTheTableListsThem() {
        desk.refused(T, "GUARDIAN", new Register("110108200801010014", "", "NB:1", "999999", "NOPE", "WALK"), INVALID_RESIDENT_ID);
        assertField(desk.refused(T, "GUARDIAN", new Register(CHILD, "", "NB:1", "999999", "NOPE", "WALK"), INVALID_INPUT), "name");
        assertField(desk.refused(T, "GUARDIAN", new Register(CHILD, "小明", "NB:1", "999999", "NOPE", "WALK"), INVALID_INPUT), "household");
        assertField(desk.refused(T, "GUARDIAN", new Register(CHILD, "小明", "110199", "999999", "NOPE", "WALK"), UNKNOWN_DISTRICT), "household");
        assertField(desk.refused(T, "GUARDIAN", new Register(CHILD, "小明", "110108", "999999", "NOPE", "WALK"), UNKNOWN_DISTRICT), "district");
        assertField(desk.refused(T, "GUARDIAN", new Register(CHILD, "小明", "110108", "110108", "NOPE", "WALK"), UNKNOWN_SCHOOL), "school");
        assertField(desk.refused(T, "GUARDIAN", new Register(CHILD, "小明", "110108", "110108", "HD001", "WALK"), INVALID_INPUT), "route");
    }

    @Test
    void reportsTheFirstBadEntryOfAListByItsPositionAndItsFieldsInTheTablesOrder() {
        List<ListedChildText> children = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            children.add(new ListedChildText(ChildIds.eligible("110108", 100 + i), i == 2 || i == 10 ? "" : "共建", "110108"));
        }
        assertField(desk.refused(T, "COBUILD:U-ACAD", new CoBuildListing("HD001", children), INVALID_INPUT), "children[2].name");

        children.set(1, new ListedChildText(ChildIds.eligible("110108", 99), "", "NB:1"));
        assertField(desk.refused(T, "COBUILD:U-ACAD", new CoBuildListing("HD001", children), INVALID_INPUT), "children[1].name");

        desk.register(CHILD, "110108", "110108", "HD001");
        List<String> documents = new ArrayList<>(List.of("HUKOU", "BIRTH", "BAD2", "HOME", "HOME", "HOME", "HOME", "HOME", "HOME", "HOME", "BAD10"));
        Decision d = desk.refused(T, "SCHOOL:HD001", new Verify(CHILD, "pass", documents, null), INVALID_INPUT);
        assertThat(d.reasons().get(0).rule()).startsWith("input: documents[2]");
    }

    @Test
    void judgesTheInputBeforeTheActorsAuthority() {
        desk.register(CHILD, "110108", "110108", "HD001");

        assertField(desk.refused(T, "SCHOOL:HD002", new Verify(CHILD, "maybe", List.of(), null), INVALID_INPUT), "result");
        assertField(desk.refused(T, "SCHOOL:HD002", new Verify(CHILD, "fail", List.of(), null), INVALID_INPUT), "reason");
        assertField(desk.refused(T, "CITY", new Register(CHILD, "小明", "110108", "110108", "NOPE", null), UNKNOWN_SCHOOL), "school");
        desk.refused(T, "CITY", new Tick(ChildIds.eligible("110108", 2)), UNKNOWN_REGISTRATION);
        assertField(desk.refused(T, "DISTRICT:110102", new Approve("NOPE", null), UNKNOWN_SCHOOL), "school");
        assertField(desk.refused(T, "DISTRICT:110102", new Approve(null, null), INVALID_INPUT), "school");
    }

    @Test
    void judgesAuthorityBeforeTheLifecycle() {
        desk.register(CHILD, "110108", "110108", "HD001");

        desk.refused(T, "SCHOOL:HD002", new Tick(CHILD), NOT_AUTHORIZED);
        desk.refused(T, "SCHOOL:NOPE", new Tick(CHILD), NOT_AUTHORIZED);
        desk.refused(T, "GUARDIAN", new Tick(CHILD), NOT_AUTHORIZED);
        desk.refused(T, "SCHOOL:HD001", new Register(ChildIds.eligible("110108", 3), "小红", "110108", "110108", "HD001", null),
                NOT_AUTHORIZED);
        desk.refused(T, "DISTRICT:110108", new Withdraw(CHILD), NOT_AUTHORIZED);
    }

    @Test
    void aRefusedAuthorityIsToldInChineseEntirelyCodesAside() {
        String number = desk.register(CHILD, "110108", "110108", "HD001").number().value();

        List<Decision> refused = List.of(desk.refused(T, "SCHOOL:HD002", new Tick(CHILD), NOT_AUTHORIZED),
                desk.refused(T, "GUARDIAN", new Tick(CHILD), NOT_AUTHORIZED),
                desk.refused(T, "DISTRICT:110108", new Withdraw(CHILD), NOT_AUTHORIZED));

        for (Decision d : refused) {
            String zh = d.reasons().get(0).messageZh();
            String codesAside = zh.replace(number, "").replaceAll("SCHOOL:HD00\\d|GUARDIAN|DISTRICT:\\d+|HD00\\d|\\btick\\b|\\bwithdraw\\b", "");
            assertThat(codesAside).as(zh).doesNotContainPattern("[A-Za-z]").containsPattern("\\p{IsHan}{4,}");
            assertThat(d.reasons().get(0).messageEn()).doesNotContainPattern("\\p{IsHan}");
        }
    }

    @Test
    void judgesTheLifecycleBeforeThePolicies() {
        desk.at(T, "GUARDIAN", new Register(CHILD, "小明", "110108", "110108", "HD002", null));
        desk.verify(CHILD);

        // The window has closed and the guardian would be late, but withdrawing is not allowed from VERIFIED at all.
        desk.refused(AFTER_WINDOW, "GUARDIAN", new Withdraw(CHILD), ILLEGAL_TRANSITION);
        desk.refused(AFTER_WINDOW, "GUARDIAN", new Amend(CHILD, null, null, "XC001"), ILLEGAL_TRANSITION);

        // HD002's plan (2) fills up; a SUBMITTED child is refused for its state, not for the plan.
        desk.clock().set(T);
        desk.preAdmit(ChildIds.eligible("110108", 4), "110108", "110108", "HD002");
        desk.preAdmit(ChildIds.eligible("110108", 5), "110108", "110108", "HD002");
        String late = ChildIds.eligible("110108", 6);
        desk.register(late, "110108", "110108", "HD002");
        desk.refused(T, "SCHOOL:HD002", new Tick(late), ILLEGAL_TRANSITION);
        desk.refused(T, "SCHOOL:HD002", new Tick(CHILD), PLAN_FULL);
    }

    @Test
    void reportsEveryPolicyThatRefuses() {
        desk.register(CHILD, "110108", "110108", "HD001");

        desk.refused(AFTER_WINDOW, "GUARDIAN", new Register(ChildIds.tooYoung("110108", 1), "小小", "110108", "110108", "XC001", null),
                WINDOW_NOT_OPEN, AGE_NOT_ELIGIBLE, SCHOOL_NOT_IN_DISTRICT);
        desk.refused(AFTER_WINDOW, "GUARDIAN", new Register(CHILD, "小明", "110108", "110102", "HD001", null),
                WINDOW_NOT_OPEN, DUPLICATE_REGISTRATION, SCHOOL_NOT_IN_DISTRICT);
        Decision d = desk.refused(T, "SCHOOL:HD001", new Verify(CHILD, "pass", List.of("HUKOU"), null), DOCUMENTS_MISSING);
        assertThat(d.rulesFired()).containsExactly("Documents required");
    }

    private static void assertField(Decision d, String field) {
        assertThat(d.reasons()).hasSize(1);
        assertThat(d.reasons().get(0).rule()).isEqualTo("input: " + field);
        assertThat(d.reasons().get(0).messageEn()).startsWith(field + ":");
    }
}
