package org.enrollment.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.enrollment.core.child.Household;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.fixture.Desk;
import org.enrollment.core.fixture.ScenarioSeason;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registration.BoardingDecision;
import org.enrollment.core.registration.Document;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.registration.VerificationResult;
import org.junit.jupiter.api.Test;

/**
 * The named factories give the same commands as the text a form carries, and take one child through the
 * whole lifecycle without a positional string or a {@code null}.
 */
class CommandFactoriesTest {

    private static final ResidentId CHILD = ResidentId.of("110108200801010013");

    @Test
    void eachFactoryGivesTheCommandTheFormTextWouldGive() {
        assertThat(Register.online(CHILD, "王小明", Household.of("110108"), "110108", "HD001"))
                .isEqualTo(new Register("110108200801010013", "王小明", "110108", "110108", "HD001", "ONLINE"));
        assertThat(Register.boarding(CHILD, "王小明", Household.of("NB:130000"), "110102", "XC900").route()).isEqualTo("BOARDING");
        assertThat(Verify.pass(CHILD, EnumSet.of(Document.HOME, Document.HUKOU)))
                .isEqualTo(new Verify("110108200801010013", "pass", List.of("HOME", "HUKOU"), null));
        assertThat(Verify.fail(CHILD, "户口簿不符").verificationResult()).isEqualTo(VerificationResult.FAIL);
        assertThat(BoardingDecide.of(CHILD, BoardingDecision.REJECT)).isEqualTo(new BoardingDecide("110108200801010013", "reject"));
        assertThat(BoardingDecide.of(CHILD, BoardingDecision.ADMIT).decision()).isEqualTo(BoardingDecision.ADMIT);
        assertThat(Admit.all()).isEqualTo(new Admit(null));
        assertThat(Approve.list("HD001")).isEqualTo(new Approve("HD001", null));
        assertThat(Approve.entry(CHILD)).isEqualTo(new Approve(null, "110108200801010013"));
        assertThat(Amend.household(CHILD, Household.of("NB:130000"))).isEqualTo(new Amend("110108200801010013", null, "NB:130000", null));
        assertThat(CoBuildSelect.of(List.of(CHILD))).isEqualTo(new CoBuildSelect(List.of("110108200801010013")));
    }

    @Test
    void aChildGoesThroughTheLifecycleOnFactoriesAlone() {
        Desk desk = new Desk(ScenarioSeason.plain(), new ReferencePolicies());
        desk.accepted("2014-05-05T09:03:00+08:00", "GUARDIAN", Register.online(CHILD, "王小明", Household.of("110108"), "110108", "HD001"));
        desk.accepted("2014-05-06T09:00:00+08:00", "GUARDIAN", Amend.name(CHILD, "王晓明"));
        desk.accepted("2014-05-10T09:00:00+08:00", "SCHOOL:HD001",
                Verify.pass(CHILD, EnumSet.of(Document.HUKOU, Document.BIRTH, Document.HOME)));
        desk.accepted("2014-06-01T09:00:00+08:00", "SCHOOL:HD001", Tick.of(CHILD));
        desk.accepted("2014-06-10T09:00:00+08:00", "SCHOOL:HD001", new SubmitList());
        desk.accepted("2014-06-12T09:00:00+08:00", "DISTRICT:110108", Approve.list("HD001"));
        desk.accepted("2014-06-20T09:00:00+08:00", "SCHOOL:HD001", Admit.child(CHILD));
        desk.accepted("2014-07-01T09:00:00+08:00", "CITY", FileStudentRecord.of(CHILD));

        assertThat(desk.stateOf(CHILD.value())).contains(RegistrationState.FILED);
    }
}
