package org.enrollment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enrollment.rules.Fixtures.DAY_SCHOOL;
import static org.enrollment.rules.Fixtures.HAIDIAN;
import static org.enrollment.rules.Fixtures.OLDER;
import static org.enrollment.rules.Fixtures.registration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.CommandKind;
import org.enrollment.core.command.Reason;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.policy.PolicyQuestion;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.Route;
import org.enrollment.core.registration.Step;
import org.junit.jupiter.api.Test;

/**
 * A question whose facts can start no rule is answered without a session; which questions those are is read
 * from the compiled rules, so a rule a policy officer adds for such a command is honoured at once.
 */
class RuleReachTest extends ShippedFolderTest {

    private static final Registration ADMITTED = registration(OLDER, HAIDIAN, DAY_SCHOOL, Route.ONLINE,
            Step.VERIFY_PASS, Step.TICK, Step.SUBMIT, Step.APPROVE, Step.ADMIT);

    private static PolicyQuestion file() {
        return Ask.step(CommandKind.FILE, Actor.city(), ADMITTED).question();
    }

    private static PolicyQuestion tick() {
        return Ask.step(CommandKind.TICK, Actor.school(DAY_SCHOOL.code()),
                registration(OLDER, HAIDIAN, DAY_SCHOOL, Route.ONLINE, Step.VERIFY_PASS)).question();
    }

    @Test
    void withTheShippedRulesAFilingStartsNoRuleAndATickDoes() {
        assertThat(engine.inForce().canFire(file())).isFalse();
        assertThat(engine.judge(file()).rulesFired()).isEmpty();
        assertThat(engine.judge(file()).refuses()).isFalse();
        assertThat(engine.inForce().canFire(tick())).isTrue();
        assertThat(engine.inForce().canFire(Ask.register(OLDER, HAIDIAN, DAY_SCHOOL).question())).isTrue();
    }

    @Test
    void aRuleAddedForFilingIsHonoured() throws IOException {
        Files.writeString(folder.resolve("filing.drl"), RuleVettingTest.ruleFile(String.join("\n",
                "rule \"No filing for now\"", "when", "    CommandFact(kind == CommandKind.FILE)", "then",
                "    verdict.refuse(ReasonCode.WINDOW_NOT_OPEN, \"暂停建档。\", \"Filing is paused.\");", "end")), StandardCharsets.UTF_8);
        assertThat(engine.reload().swapped()).isTrue();
        assertThat(engine.inForce().canFire(file())).isTrue();
        assertThat(engine.judge(file()).reasons()).extracting(Reason::code).containsExactly(ReasonCode.WINDOW_NOT_OPEN);
        assertThat(engine.judge(file()).rulesFired()).containsExactly("No filing for now");
    }

    @Test
    void aRuleThatNamesNoCommandKindIsHonouredForEveryCommandItsFactsFit() throws IOException {
        Files.writeString(folder.resolve("admitted.drl"), RuleVettingTest.ruleFile(String.join("\n",
                "import org.enrollment.core.registration.RegistrationState;",
                "rule \"Advise on admitted children\"", "when",
                "    exists RegistrationFact(role == Role.TARGET, state == RegistrationState.ADMITTED)", "then",
                "    verdict.advise(ReasonCode.ADVICE_REGISTER_ONLINE, \"已录取。\", \"Admitted.\");", "end")), StandardCharsets.UTF_8);
        assertThat(engine.reload().swapped()).isTrue();
        assertThat(engine.judge(file()).reasons()).extracting(Reason::code).containsExactly(ReasonCode.ADVICE_REGISTER_ONLINE);
        assertThat(engine.inForce().canFire(tick())).isTrue();
        assertThat(engine.judge(tick()).rulesFired()).doesNotContain("Advise on admitted children");
    }

    @Test
    void aRuleWithNothingButANegationMayFireForAnyCommand() throws IOException {
        Files.writeString(folder.resolve("nothing.drl"), RuleVettingTest.ruleFile(String.join("\n",
                "rule \"Advise when no exemption\"", "when", "    not WindowExemption()", "then",
                "    verdict.advise(ReasonCode.ADVICE_REGISTER_ONLINE, \"提示。\", \"A note.\");", "end")), StandardCharsets.UTF_8);
        assertThat(engine.reload().swapped()).isTrue();
        assertThat(engine.inForce().canFire(file())).isTrue();
        assertThat(engine.judge(file()).rulesFired()).containsExactly("Advise when no exemption");
    }
}
