package org.enrollment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.enrollment.rules.Fixtures.AFTER_CLOSE;
import static org.enrollment.rules.Fixtures.DAY_SCHOOL;
import static org.enrollment.rules.Fixtures.HAIDIAN;
import static org.enrollment.rules.Fixtures.OLDER;
import static org.enrollment.rules.Fixtures.registration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.policy.PolicyQuestion;
import org.enrollment.core.registration.Document;
import org.enrollment.core.registration.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;

/**
 * Loading a folder the staff edited and publishing an edit: a good edit takes effect, a bad one is refused
 * with file and line and the rules in force keep answering.
 */
class RuleReloadTest extends ShippedFolderTest {

    /** A 京籍 child's pass with 户口簿 and 出生医学证明 but no proof of the home. */
    private static PolicyQuestion passWithoutHome() {
        return Ask.verify(registration(OLDER, HAIDIAN, DAY_SCHOOL, Route.ONLINE), true, Document.HUKOU, Document.BIRTH).question();
    }

    /** A registration after the window closed. */
    private static PolicyQuestion registerAfterClose() {
        return Ask.register(OLDER, HAIDIAN, DAY_SCHOOL).at(AFTER_CLOSE).question();
    }

    private static void edit(String file, String from, String to) throws IOException {
        edit(folder, file, from, to);
    }

    private static void edit(Path in, String file, String from, String to) throws IOException {
        Path p = in.resolve(file);
        String text = Files.readString(p, StandardCharsets.UTF_8);
        assertThat(text).as("%s before the edit", file).contains(from);
        Files.writeString(p, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private static int lineOf(String file, String text) throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve(file), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + file);
    }

    /** The rules in force still refuse a pass without the proof of the home and a registration after the window. */
    private void assertTheOldRulesStillAnswer() {
        assertThat(engine.judge(passWithoutHome()).reasons()).extracting(r -> r.code()).containsExactly(ReasonCode.DOCUMENTS_MISSING);
        assertThat(engine.judge(registerAfterClose()).reasons()).extracting(r -> r.code()).containsExactly(ReasonCode.WINDOW_NOT_OPEN);
    }

    /**
     * The reload was refused: nothing swapped, every problem in the file, the first at the line that holds
     * {@code marker} and saying each of {@code says}; the rules in force still answer.
     */
    private void assertRefused(ReloadResult result, String file, String marker, String... says) throws IOException {
        int line = lineOf(file, marker);
        assertThat(result.swapped()).isFalse();
        assertThat(result.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo(file));
        assertThat(result.problems().get(0).line()).isEqualTo(line);
        for (String said : says) {
            assertThat(result.problems().get(0).message()).contains(said);
        }
        assertTheOldRulesStillAnswer();
    }

    @Test
    void aFolderOfTheShippedFilesLoadsTheShippedRules() {
        assertThat(engine.ruleNames()).isEqualTo(FiredRules.shipped().ruleNames());
        assertThat(engine.derivationRuleNames()).isEqualTo(FiredRules.shipped().derivationRuleNames());
        assertTheOldRulesStillAnswer();
    }

    @Test
    void anEditOfTheDocumentTableTakesEffectOnReloadAndTheOldModuleIsRemoved(@TempDir Path own) throws IOException {
        DroolsPolicyEngine.exportShippedRules(own);
        DocumentTableWorkbook.useTheCsvTable(own);
        long firstBuild = RuleCompiler.builds() + 1;
        DroolsPolicyEngine edited = DroolsPolicyEngine.fromFolder(own);
        assertThat(edited.judge(passWithoutHome()).refuses()).isTrue();
        edit(own, "eligibility-documents.drl.csv", "\"Documents for 京籍 children\",\"derivation\",\"VERIFY\",\"BEIJING\",\"X\",\"X\",\"X\"",
                "\"Documents for 京籍 children\",\"derivation\",\"VERIFY\",\"BEIJING\",\"X\",\"X\",\"\"");
        edit(own, "eligibility.drl", "\"网上登记窗口未开放。\"", "\"网上登记已于6月1日结束。\"");

        ReloadResult result = edited.reload();

        assertThat(result.swapped()).as("%s", result.problems()).isTrue();
        assertThat(result.problems()).isEmpty();
        assertThat(result.took()).isPositive();
        assertThat(edited.judge(passWithoutHome()).refuses()).isFalse();
        assertThat(edited.judge(registerAfterClose()).reasons()).extracting(r -> r.messageZh()).containsExactly("网上登记已于6月1日结束。");
        for (long b = firstBuild; b <= RuleCompiler.builds(); b++) {
            ReleaseId id = RuleCompiler.releaseIdOf(b);
            if (!id.equals(edited.inForce().releaseId())) {
                assertThat(KieServices.get().getRepository().getKieModule(id)).as("build %d", b).isNull();
            }
        }
    }

    @Test
    void aSyntaxErrorIsRefusedWithFileAndLineAndTheOldRulesKeepAnswering() throws IOException {
        edit("eligibility.drl", "    CommandFact(kind == CommandKind.VERIFY, result == Result.PASS)",
                "    CommandFact(kind == CommandKind.VERIFY, result == Result.PASS");
        int line = lineOf("eligibility.drl", "result == Result.PASS");

        ReloadResult result = engine.reload();

        assertThat(result.swapped()).isFalse();
        assertThat(result.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo("eligibility.drl"));
        assertThat(result.problems().get(0).line()).isBetween(line, line + 1);
        assertTheOldRulesStillAnswer();
    }

    /** Edits of which the reload finds one fault, in the file edited, at the line of the marker, saying each word given. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            an unknown fact field           | boarding-withdrawal.drl | SchoolFact(!boarding)                     | SchoolFact(!boardingSchool)               | SchoolFact(!boardingSchool)         | boardingSchool
            a consequence that does not compile | school-plan.drl     | verdict.refuse(ReasonCode.PLAN_FULL,      | verdict.refuze(ReasonCode.PLAN_FULL,      | verdict.refuze                      | refuze
            advice given as a refusal (the smoke check) | co-build-exemption.drl | verdict.advise(ReasonCode.ADVICE_REGISTER_ONLINE, | verdict.refuse(ReasonCode.ADVICE_REGISTER_ONLINE, | rule "Advise online registration" | Smoke check;Advise online registration;ADVICE_REGISTER_ONLINE
            """)
    void aFaultyEditIsRefusedWithFileAndLine(String what, String file, String from, String to, String marker, String says) throws IOException {
        edit(file, from, to);

        ReloadResult result = engine.reload();

        assertThat(result.problems()).as(what).hasSize(1);
        assertRefused(result, file, marker, says.split(";"));
    }

    @Test
    void aConstraintTheGeneratedJavaCannotCompileIsTracedBackToItsLine() throws IOException {
        edit("co-build-exemption.drl", "SchoolFact(placesLeft < $selected - $freed)", "SchoolFact(placesTaken - $freed + $selected > plan)");

        assertRefused(engine.reload(), "co-build-exemption.drl", "placesTaken - $freed + $selected > plan");
    }

    @Test
    void aMisspeltValueInTheDocumentTableIsRefusedWithItsRow() throws IOException {
        DocumentTableWorkbook.useTheCsvTable(folder);
        edit("eligibility-documents.drl.csv", "\"NON_BEIJING\"", "\"NON-BEIJING\"");

        assertRefused(engine.reload(), "eligibility-documents.drl.csv", "Documents for 非京籍 children");
    }

    @Test
    void aRuleThatLoopsFailsTheSmokeCheck() throws IOException {
        Files.writeString(folder.resolve("loop.drl"), String.join("\n",
                "package org.enrollment.rules.policies;",
                "import org.enrollment.rules.facts.*;",
                "rule \"Exempt again and again\"",
                "when",
                "    WindowExemption()",
                "then",
                "    insert(new WindowExemption(\"again\"));",
                "end", ""), StandardCharsets.UTF_8);

        assertRefused(engine.reload(), "loop.drl", "rule \"Exempt again and again\"", "Smoke check", "fired");
    }

    @Test
    void aBrokenFolderIsRefusedWhenLoadedListingTheProblemsOfEveryFile() throws IOException {
        edit("boarding-withdrawal.drl", "SchoolFact(!boarding)", "SchoolFact(!boarding");
        edit("school-plan.drl", "SchoolFact(placesTaken >= plan)", "SchoolFact(placesTaken >= plan");

        assertThatThrownBy(() -> DroolsPolicyEngine.fromFolder(folder))
                .isInstanceOfSatisfying(RuleLoadException.class, e -> {
                    assertThat(e.problems()).extracting(RuleProblem::file).contains("boarding-withdrawal.drl", "school-plan.drl");
                    assertThat(e.getMessage()).contains("school-plan.drl:" + (lineOfUnchecked("school-plan.drl", "placesTaken >= plan") + 1));
                });
    }

    @Test
    void aFolderWithoutRuleFilesIsRefused(@TempDir Path empty) throws IOException {
        Files.writeString(empty.resolve("README.txt"), "not a rule file");

        assertThatThrownBy(() -> DroolsPolicyEngine.fromFolder(empty))
                .isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.message()).contains("no rule files", "Maybe")));
    }

    @Test
    void theShippedRulesHaveNothingToReload() {
        ReloadResult result = FiredRules.shipped().reload();

        assertThat(result.swapped()).isFalse();
        assertThat(result.problems()).isEmpty();
    }

    private static int lineOfUnchecked(String file, String text) {
        try {
            return lineOf(file, text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
