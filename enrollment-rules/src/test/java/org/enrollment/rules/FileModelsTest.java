package org.enrollment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.enrollment.core.policy.PolicyQuestion;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.KieServices;

/**
 * Rule files built one by one: a file as it was is not built again, an edited file is built alone, and files that
 * need each other (a function of another file) or clash (the same rule twice) are built together.
 */
class FileModelsTest {

    private static final List<RuleFile> SHIPPED = RuleSource.shipped().read();

    /** The shipped files, one of them with text appended (a fresh edit each call). */
    private static List<RuleFile> withEdit(String name, String appended) {
        List<RuleFile> files = new ArrayList<>();
        for (RuleFile f : SHIPPED) {
            files.add(f.name().equals(name) ? new RuleFile(name, (f.text() + appended).getBytes(StandardCharsets.UTF_8)) : f);
        }
        return files;
    }

    private static List<RuleFile> withFile(String name, String text) {
        List<RuleFile> files = new ArrayList<>(SHIPPED);
        files.add(new RuleFile(name, text.getBytes(StandardCharsets.UTF_8)));
        return files;
    }

    private static List<String> ruleNames(KieBase kieBase) {
        return kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream()).map(r -> r.getName()).sorted().toList();
    }

    @Test
    void filesAsTheyWereAreNotBuiltAgainAndAnEditedFileIsBuiltAlone() {
        List<PreparedRuleFile> shipped = PreparedRuleFile.ofAll(SHIPPED, "the shipped files");
        FileModels.kieBase(shipped, true).orElseThrow();
        long before = RuleCompiler.builds();

        KieBase again = FileModels.kieBase(shipped, true).orElseThrow();
        long afterAgain = RuleCompiler.builds();
        KieBase edited = FileModels.kieBase(PreparedRuleFile.ofAll(
                withEdit("eligibility.drl", "\n// an edit " + System.nanoTime() + "\n"), "an edit"), true).orElseThrow();

        assertThat(afterAgain).as("nothing built again").isEqualTo(before);
        assertThat(RuleCompiler.builds()).as("the edited file built alone").isEqualTo(before + 1);
        assertThat(ruleNames(again)).isEqualTo(ruleNames(edited)).containsExactlyElementsOf(FiredRules.shipped().ruleNames().stream().sorted().toList());
        for (long b = before + 1; b <= RuleCompiler.builds(); b++) {
            assertThat(KieServices.get().getRepository().getKieModule(RuleCompiler.releaseIdOf(b))).as("build %d", b).isNull();
        }
    }

    @Test
    void theRulesOfFilesBuiltOneByOneJudgeAsTheShippedRules() {
        CompiledRules fileByFile = RuleCompiler.compile(SHIPPED, "the shipped files", true);

        assertThat(fileByFile.releaseId()).as("nothing in the Drools repository").isNull();
        for (var q : SmokeCheck.questions()) {
            VerdictAssert.assertThat(fileByFile.judge(q, JudgingBudget.DEFAULT).verdict()).as("%s", q.kind())
                    .judgesAs(FiredRules.shipped().inForce().judge(q, JudgingBudget.DEFAULT).verdict());
        }
    }

    @Test
    void rulesOfTheSameSalienceFireInTheOrderOfTheFiles() {
        PolicyQuestion twoRefusals = SmokeCheck.questions().stream()
                .filter(q -> FiredRules.shipped().inForce().judge(q, JudgingBudget.DEFAULT).verdict().reasons().stream()
                        .map(r -> fileOf(r.rule())).distinct().count() > 1)
                .findFirst().orElseThrow();
        List<RuleFile> reversed = new ArrayList<>(SHIPPED);
        Collections.reverse(reversed);

        List<String> inOrder = firedBy(SHIPPED, twoRefusals);
        List<String> inReverse = firedBy(reversed, twoRefusals);

        assertThat(inOrder).hasSizeGreaterThan(1).containsExactlyInAnyOrderElementsOf(inReverse);
        assertThat(inOrder).isNotEqualTo(inReverse);
        assertThat(inOrder).isSortedAccordingTo(Comparator.comparingInt(r -> SHIPPED.indexOf(fileOf(r))));
    }

    private static List<String> firedBy(List<RuleFile> files, PolicyQuestion q) {
        CompiledRules rules = RuleCompiler.compile(files, "a folder", true);
        return rules.judge(q, JudgingBudget.DEFAULT).verdict().reasons().stream().map(r -> r.rule()).toList();
    }

    private static RuleFile fileOf(String rule) {
        return SHIPPED.stream().filter(f -> PreparedRuleFile.of(f).rules().containsKey(rule)).findFirst().orElseThrow();
    }

    @Test
    void aFileCallingAFunctionOfAnotherIsBuiltWithIt() {
        List<RuleFile> files = withFile("late-boarding.drl", RuleVettingTest.ruleFile(String.join("\n",
                "rule \"Advise a late boarding registration\"", "when", "    $season : SeasonFact()",
                "    CommandFact(kind == CommandKind.REGISTER, later(at, $season.closes) == at)", "then",
                "    verdict.advise(ReasonCode.ADVICE_REGISTER_ONLINE, \"登记已过窗口。\", \"The window has closed.\");", "end")));

        assertThat(FileModels.kieBase(PreparedRuleFile.ofAll(files, "a folder"), true)).isEmpty();
        CompiledRules together = RuleCompiler.compile(files, "a folder", true);
        try {
            assertThat(together.ruleNames()).contains("Advise a late boarding registration");
            assertThat(together.releaseId()).isNotNull();
        } finally {
            together.release();
        }
        assertThat(KieServices.get().getRepository().getKieModule(together.releaseId())).isNull();
    }
}
