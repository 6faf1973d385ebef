package org.enrollment.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enrollment.core.command.ReasonCode.ILLEGAL_TRANSITION;
import static org.enrollment.core.command.ReasonCode.INVALID_INPUT;
import static org.enrollment.core.command.ReasonCode.INVALID_RESIDENT_ID;
import static org.enrollment.core.command.ReasonCode.NOT_AUTHORIZED;
import static org.enrollment.core.command.ReasonCode.UNKNOWN_SCHOOL;
import static org.enrollment.core.command.ReasonCode.WINDOW_NOT_OPEN;
import static org.enrollment.core.registration.RegistrationState.ADMITTED;
import static org.enrollment.core.registration.RegistrationState.APPROVED;
import static org.enrollment.core.registration.RegistrationState.FILED;
import static org.enrollment.core.registration.RegistrationState.PRE_ADMITTED;
import static org.enrollment.core.registration.RegistrationState.SUBMITTED;
import static org.enrollment.core.registration.RegistrationState.UNDER_REVIEW;
import static org.enrollment.core.registration.RegistrationState.VERIFIED;

import java.time.OffsetDateTime;
import java.util.List;
import org.enrollment.core.audit.AuditChain;
import org.enrollment.core.audit.AuditHead;
import org.enrollment.core.command.Admit;
import org.enrollment.core.command.Amend;
import org.enrollment.core.command.Approve;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.FileStudentRecord;
import org.enrollment.core.command.Reason;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.SubmitList;
import org.enrollment.core.command.Tick;
import org.enrollment.core.command.Verify;
import org.enrollment.core.command.Withdraw;
import org.enrollment.core.fixture.Desk;
import org.enrollment.core.fixture.ScenarioSeason;
import org.enrollment.core.fixture.StoreSnapshot;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationEvent;
import org.enrollment.core.registration.Step;
import org.junit.jupiter.api.Test;

/**
 * One child, 王小明 of Haidian, from the guardian's first attempt to register to the student record the
 * city creates, with the refusals a real season brings on the way. Each refused command is shown to
 * change nothing and still to stand in the audit log.
 */
class RegistryLifecycleTest {

    private static final String CHILD = "110108200801010013";
    private static final String SISTER = "110108200802020512";
    private static final List<String> DOCUMENTS = List.of("HUKOU", "BIRTH", "HOME");

    @Test
    void oneChildGoesFromRegistrationToStudentRecord() {
        Desk desk = new Desk(ScenarioSeason.plain(), new ReferencePolicies());
        int commands = 0;

        // Before the window opens, nothing can be registered.
        desk.refused("2014-05-04T23:59:59+08:00", "GUARDIAN", register(CHILD, "王小明", "HD001"), WINDOW_NOT_OPEN);
        commands++;

        // The window is open. The guardian mistypes the resident ID: the check character does not match.
        Decision typo = desk.refused("2014-05-05T09:00:00+08:00", "GUARDIAN",
                register("110108200801010014", "王小明", "HD001"), INVALID_RESIDENT_ID);
        commands++;
        Reason idReason = typo.reasons().get(0);
        assertThat(idReason.rule()).isEqualTo("input: child");
        assertThat(idReason.messageEn()).contains("110108********0014").doesNotContain("110108200801010014");

        // Then the school code, and then the name is left empty: each refusal names its field.
        Decision noSchool = desk.refused("2014-05-05T09:01:00+08:00", "GUARDIAN", register(CHILD, "王小明", "HD009"), UNKNOWN_SCHOOL);
        commands++;
        assertThat(noSchool.reasons().get(0).messageEn()).startsWith("school:").contains("'HD009'");
        Decision noName = desk.refused("2014-05-05T09:02:00+08:00", "GUARDIAN", register(CHILD, " ", "HD001"), INVALID_INPUT);
        commands++;
        assertThat(noName.reasons().get(0).rule()).isEqualTo("input: name");
        assertThat(noName.reasons().get(0).messageEn()).startsWith("name:");
        assertThat(desk.stateOf(CHILD)).isEmpty();

        // At last the registration is accepted: SUBMITTED, with a pre-registration number of Haidian 2014.
        Decision registered = desk.accepted("2014-05-05T09:03:00+08:00", "GUARDIAN", register(CHILD, "王小明", "HD001"));
        commands++;
        Registration r = single(registered);
        assertThat(r.state()).isEqualTo(SUBMITTED);
        assertThat(r.number().value()).startsWith("110108-2014-");
        assertThat(r.district()).isEqualTo("110108");
        assertThat(r.school()).isEqualTo("HD001");

        // Another Haidian school cannot verify a child who did not choose it.
        StoreSnapshot beforeWrongSchool = StoreSnapshot.of(desk.registry());
        long entriesBeforeWrongSchool = desk.registry().audit().head().count();
        Decision wrongSchool = desk.refused("2014-05-06T10:00:00+08:00", "SCHOOL:HD002",
                new Verify(CHILD, "pass", DOCUMENTS, null), NOT_AUTHORIZED);
        commands++;
        assertThat(StoreSnapshot.of(desk.registry())).isEqualTo(beforeWrongSchool);
        assertThat(desk.registry().audit().head().count()).isEqualTo(entriesBeforeWrongSchool + 1);
        assertThat(desk.lastAuditEntry().body()).contains("\"actor\":\"SCHOOL:HD002\"", "\"command\":\"verify\"",
                "\"outcome\":\"REFUSED\"", "\"NOT_AUTHORIZED\"", r.number().value());
        assertThat(wrongSchool.registrations()).containsExactly(r);

        // The chosen school cannot tick before it has verified.
        desk.refused("2014-05-06T10:01:00+08:00", "SCHOOL:HD001", new Tick(CHILD), ILLEGAL_TRANSITION);
        commands++;

        // The family brings the documents; the school verifies them.
        Decision verified = desk.accepted("2014-05-10T09:00:00+08:00", "SCHOOL:HD001", new Verify(CHILD, "pass", DOCUMENTS, null));
        commands++;
        assertThat(single(verified).state()).isEqualTo(VERIFIED);

        // After verification the guardian can no longer correct the registration.
        desk.refused("2014-05-11T09:00:00+08:00", "GUARDIAN", new Amend(CHILD, "王晓明", null, null), ILLEGAL_TRANSITION);
        commands++;

        // The school ticks the child (打钩) and submits its list to the district.
        assertThat(single(desk.accepted("2014-05-12T09:00:00+08:00", "SCHOOL:HD001", new Tick(CHILD))).state()).isEqualTo(PRE_ADMITTED);
        commands++;
        assertThat(single(desk.accepted("2014-05-20T09:00:00+08:00", "SCHOOL:HD001", new SubmitList())).state()).isEqualTo(UNDER_REVIEW);
        commands++;

        // The window has closed: a guardian who comes late cannot register the child's sister.
        desk.refused("2014-06-01T00:00:00+08:00", "GUARDIAN", register(SISTER, "王小红", "HD001"), WINDOW_NOT_OPEN);
        commands++;
        assertThat(desk.stateOf(SISTER)).isEmpty();

        // Xicheng's commission cannot approve a Haidian school's list; Haidian's can.
        desk.refused("2014-06-02T09:00:00+08:00", "DISTRICT:110102", new Approve("HD001", null), NOT_AUTHORIZED);
        commands++;
        assertThat(single(desk.accepted("2014-06-02T09:01:00+08:00", "DISTRICT:110108", new Approve("HD001", null))).state())
                .isEqualTo(APPROVED);
        commands++;

        // Schools lost the right to create student records; the notice is theirs to issue.
        desk.refused("2014-06-05T09:00:00+08:00", "SCHOOL:HD001", new FileStudentRecord(CHILD), NOT_AUTHORIZED);
        commands++;
        assertThat(single(desk.accepted("2014-06-09T09:00:00+08:00", "SCHOOL:HD001", new Admit(CHILD))).state()).isEqualTo(ADMITTED);
        commands++;

        // The city creates the student record (建档); after that the registration is final.
        assertThat(single(desk.accepted("2014-06-14T09:00:00+08:00", "CITY", new FileStudentRecord(CHILD))).state()).isEqualTo(FILED);
        commands++;
        desk.refused("2014-06-14T09:01:00+08:00", "GUARDIAN", new Withdraw(CHILD), ILLEGAL_TRANSITION);
        commands++;

        // The registration's history tells the whole story, each step at the time the clock said.
        Registration filed = desk.registrationOf(CHILD);
        assertThat(filed.number()).isEqualTo(r.number());
        assertThat(filed.history()).extracting(RegistrationEvent::step)
                .containsExactly(null, Step.VERIFY_PASS, Step.TICK, Step.SUBMIT, Step.APPROVE, Step.ADMIT, Step.FILE);
        assertThat(filed.history()).extracting(RegistrationEvent::state)
                .containsExactly(SUBMITTED, VERIFIED, PRE_ADMITTED, UNDER_REVIEW, APPROVED, ADMITTED, FILED);
        assertThat(filed.history().get(0).at()).isEqualTo(OffsetDateTime.parse("2014-05-05T09:03:00+08:00").toInstant());
        assertThat(filed.history().get(6).at()).isEqualTo(OffsetDateTime.parse("2014-06-14T09:00:00+08:00").toInstant());
        assertThat(filed.version()).isEqualTo(7);

        // Every command, refused or accepted, is one entry of an intact log that never shows a raw ID.
        AuditHead head = desk.registry().audit().head();
        assertThat(head.count()).isEqualTo(commands);
        assertThat(desk.registry().audit().verify().intact()).isTrue();
        StringBuilder exported = new StringBuilder();
        desk.registry().audit().export(exported);
        List<String> lines = exported.toString().lines().toList();
        assertThat(lines).hasSize(commands);
        assertThat(lines.stream().filter(l -> l.contains("\"outcome\":\"REFUSED\""))).hasSize(11);
        assertThat(exported).doesNotContain(CHILD, SISTER, "110108200801010014");
        assertThat(AuditChain.verifyLines(lines.iterator(), head).intact()).isTrue();
    }

    private static Register register(String child, String name, String school) {
        return new Register(child, name, "110108", "110108", school, null);
    }

    private static Registration single(Decision d) {
        assertThat(d.registrations()).hasSize(1);
        return d.registrations().get(0);
    }
}
