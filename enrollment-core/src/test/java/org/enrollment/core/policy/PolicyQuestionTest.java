package org.enrollment.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.CommandKind;
import org.enrollment.core.fixture.ScenarioSeason;
import org.enrollment.core.season.Season;
import org.junit.jupiter.api.Test;

class PolicyQuestionTest {

    private static final Season SEASON = ScenarioSeason.plain();
    private static final PolicyQuestion.Occasion AT_HD001 = new PolicyQuestion.Occasion(Actor.school("HD001"),
            Instant.parse("2014-06-10T01:00:00Z"), SEASON, SEASON.school("HD001").orElseThrow(), 2);

    @Test
    void aWholeSchoolQuestionHasNoTargetNoResultAndNoCoBuildFacts() {
        PolicyQuestion q = PolicyQuestion.wholeSchool(CommandKind.SUBMIT_LIST, AT_HD001);

        assertThat(q.kind()).isEqualTo(CommandKind.SUBMIT_LIST);
        assertThat(q.placesTaken()).isEqualTo(2);
        assertThat(q.target()).isEmpty();
        assertThat(q.proposed()).isEmpty();
        assertThat(q.verification()).isEmpty();
        assertThat(q.boardingDecision()).isEmpty();
        assertThat(q.coBuild()).isEmpty();
        assertThat(q.childHistory()).isEmpty();
    }

    @Test
    void aKindWithAFactoryOfItsOwnIsRefusedByTheSharedOnesNamingTheRightOne() {
        assertThatThrownBy(() -> PolicyQuestion.wholeSchool(CommandKind.VERIFY, AT_HD001))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VERIFY").hasMessageContaining("wholeSchool").hasMessageContaining("its own factory");
        assertThatThrownBy(() -> PolicyQuestion.coBuild(CommandKind.TICK, AT_HD001,
                new PolicyQuestion.CoBuild("U-1", Optional.empty(), 0, false, List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[step]");
    }

    @Test
    void approveAndAdmitAreAskedAboutForOneChildOrForTheWholeList() {
        assertThat(PolicyQuestion.wholeSchool(CommandKind.ADMIT, AT_HD001).kind()).isEqualTo(CommandKind.ADMIT);
        assertThat(PolicyQuestion.wholeSchool(CommandKind.APPROVE, AT_HD001).kind()).isEqualTo(CommandKind.APPROVE);
        assertThatThrownBy(() -> PolicyQuestion.step(CommandKind.SUBMIT_LIST, AT_HD001, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SUBMIT_LIST");
    }
}
