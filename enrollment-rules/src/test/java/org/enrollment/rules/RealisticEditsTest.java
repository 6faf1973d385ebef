package org.enrollment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enrollment.rules.Fixtures.DAY_SCHOOL;
import static org.enrollment.rules.Fixtures.HEBEI;
import static org.enrollment.rules.Fixtures.OLDER;
import static org.enrollment.rules.Fixtures.registration;
import static org.enrollment.rules.RuleVettingTest.ruleFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.enrollment.core.command.Reason;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.registration.Document;
import org.enrollment.core.registration.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Edits a policy officer could reasonably make pass vetting, compile, pass the smoke check and go into force:
 * vetting keeps attacks out without keeping policies out.
 */
class RealisticEditsTest extends ShippedFolderTest {

    private static final String TABLE = "eligibility-documents.drl.csv";

    /** Name, file, text to replace (or null to add the file), the new text. */
    static Stream<Arguments> edits() {
        return Stream.of(
                Arguments.of("京籍 children also show 实际住所居住证明 (an X in the table)", TABLE,
                        "\"Documents for 京籍 children\",\"derivation\",\"VERIFY\",\"BEIJING\",\"X\",\"X\",\"X\",\"\",\"\"",
                        "\"Documents for 京籍 children\",\"derivation\",\"VERIFY\",\"BEIJING\",\"X\",\"X\",\"X\",\"\",\"X\""),
                Arguments.of("a new document column in the table (a second proof of the home)", TABLE, null, null),
                Arguments.of("another age cut-off: boarding children are seven", "boarding-age.drl", null, ruleFile(String.join("\n",
                        "import org.enrollment.core.registration.Route;",
                        "rule \"Boarding children are seven\"", "when", "    $season : SeasonFact()",
                        "    CommandFact(kind == CommandKind.REGISTER)",
                        "    RegistrationFact(role == Role.PROPOSED, route == Route.BOARDING)",
                        "    exists ChildFact(birthDate.plusYears($season.schoolAge + 1) > $season.ageCutoff)", "then",
                        "    verdict.refuse(ReasonCode.AGE_NOT_ELIGIBLE, \"寄宿儿童须年满7周岁。\", \"A boarding child is seven by the cut-off.\");",
                        "end"))),
                Arguments.of("a school refuses 非京籍 children without 居住证", "hd001-residence.drl", null, ruleFile(String.join("\n",
                        "import org.enrollment.core.registration.Document;",
                        "rule \"HD001: 非京籍 children show a 居住证\"", "when",
                        "    CommandFact(kind == CommandKind.VERIFY, result == Result.PASS)", "    SchoolFact(code == \"HD001\")",
                        "    RegistrationFact(role == Role.TARGET, householdKind == HouseholdKind.NON_BEIJING)",
                        "    not ShownDocument(document == Document.TEMP_RESIDENCE)", "then",
                        "    verdict.refuse(ReasonCode.DOCUMENTS_MISSING, \"非京籍儿童须出示居住证。\", \"A non-Beijing child shows a residence permit.\");",
                        "end"))),
                Arguments.of("an advice rule: the school is nearly full", "nearly-full.drl", null, ruleFile(String.join("\n",
                        "rule \"Advise a fallback when the school is nearly full\"", "when",
                        "    CommandFact(kind == CommandKind.REGISTER)", "    SchoolFact(placesLeft <= 1)", "then",
                        "    verdict.advise(ReasonCode.ADVICE_REGISTER_ONLINE, \"该校名额将满。\", \"The school is nearly full.\");",
                        "end"))),
                Arguments.of("a grace period: two days more for 非京籍 children", "late-grace.drl", null, ruleFile(String.join("\n",
                        "import java.time.Duration;",
                        "rule \"Two days' grace for 非京籍 children\"", "    @derivation", "    salience 100", "when",
                        "    $season : SeasonFact()",
                        "    CommandFact(kind == CommandKind.REGISTER, at >= $season.closes, at < $season.closes.plus(Duration.ofDays(2)))",
                        "    RegistrationFact(role == Role.PROPOSED, !beijingHousehold)", "then",
                        "    insert(new WindowExemption(\"Two days' grace for 非京籍 children\"));", "end"))),
                Arguments.of("a fixed closing date", "closing-date.drl", null, ruleFile(String.join("\n",
                        "import java.time.Instant;",
                        "rule \"Registrations close on 30 May\"", "when",
                        "    CommandFact(kind == CommandKind.REGISTER, at >= Instant.parse(\"2014-05-29T16:00:00Z\"))", "then",
                        "    verdict.refuse(ReasonCode.WINDOW_NOT_OPEN, \"登记已于5月30日截止。\", \"Registration closed on 30 May.\");",
                        "end"))),
                Arguments.of("a function: no amendments at the weekend", "weekend.drl", null, ruleFile(String.join("\n",
                        "import java.time.Instant;", "import java.time.DayOfWeek;", "import java.time.ZoneOffset;",
                        "function boolean weekend(Instant at) {",
                        "    DayOfWeek day = at.atOffset(ZoneOffset.ofHours(8)).getDayOfWeek();",
                        "    return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;", "}",
                        "rule \"No amendments at the weekend\"", "when", "    CommandFact(kind == CommandKind.AMEND, weekend(at))", "then",
                        "    verdict.refuse(ReasonCode.WINDOW_NOT_OPEN, \"周末不受理修改。\", \"Amendments are not taken at the weekend.\");",
                        "end"))),
                Arguments.of("a boarding school keeps its last place for boarding", "last-place.drl", null, ruleFile(String.join("\n",
                        "rule \"The last place of a boarding school is for boarding\"", "    no-loop", "when",
                        "    CommandFact(kind == CommandKind.TICK)", "    SchoolFact(boarding, placesLeft <= 1)", "then",
                        "    verdict.refuse(ReasonCode.PLAN_FULL, \"寄宿学校最后一个名额留给寄宿生。\", \"The last place is kept for boarding.\");",
                        "end"))),
                Arguments.of("the whole quota, not the quota left", "quota.drl", null, ruleFile(String.join("\n",
                        "rule \"Selection within the whole quota\"", "when",
                        "    CommandFact(kind == CommandKind.COBUILD_SELECT)", "    CoBuildFact(selectedCount > quota)", "then",
                        "    verdict.refuse(ReasonCode.COBUILD_OVER_QUOTA, \"超过协议名额。\", \"More than the agreement's quota.\");",
                        "end"))),
                Arguments.of("households from Hebei register in Haidian only", "hebei.drl", null, ruleFile(String.join("\n",
                        "rule \"Hebei households register in Haidian\"", "when", "    CommandFact(kind == CommandKind.REGISTER)",
                        "    RegistrationFact(role == Role.PROPOSED, householdCode.startsWith(\"NB:13\"), district != \"110108\")", "then",
                        "    verdict.refuse(ReasonCode.SCHOOL_NOT_IN_DISTRICT, \"河北户籍儿童请在海淀区登记。\", \"Hebei households register in Haidian.\");",
                        "end"))),
                Arguments.of("an accumulate: more than three earlier registrations", "many.drl", null, ruleFile(String.join("\n",
                        "rule \"Too many registrations\"", "when", "    CommandFact(kind == CommandKind.REGISTER)",
                        "    accumulate(RegistrationFact(role == Role.EARLIER); $n : count(); $n > 3)", "then",
                        "    verdict.refuse(ReasonCode.DUPLICATE_REGISTRATION, \"登记次数过多。\", \"Too many registrations.\");",
                        "end"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void aRealisticEditPassesVettingAndGoesIntoForce(String edit, String file, String from, String to) throws IOException {
        if (file.equals(TABLE)) {
            DocumentTableWorkbook.useTheCsvTable(folder);
        }
        Path p = folder.resolve(file);
        if (file.equals(TABLE) && from == null) {
            addADocumentColumn(p);
        } else if (from == null) {
            Files.writeString(p, to, StandardCharsets.UTF_8);
        } else {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            assertThat(text).contains(from);
            Files.writeString(p, text.replace(from, to), StandardCharsets.UTF_8);
        }

        ReloadResult result = engine.reload();

        assertThat(result.problems()).as(edit).isEmpty();
        assertThat(result.swapped()).isTrue();
    }

    /** A column after the last: 京籍 children show a second proof of the home (房产证明, as HOME). */
    private static void addADocumentColumn(Path table) throws IOException {
        String[] lines = Files.readString(table, StandardCharsets.UTF_8).split("\n", -1);
        String[] added = {"\"ACTION\"", "\"\"", "\"insert(new RequiredDocument(Document.HOME));\"", "\"HOME2 第二份住所证明\"", "\"X\"", "\"\""};
        for (int i = 4; i < lines.length && i - 4 < added.length; i++) {
            lines[i] = lines[i] + "," + added[i - 4];
        }
        Files.writeString(table, String.join("\n", lines), StandardCharsets.UTF_8);
    }

    @Test
    void theSchoolsNewRuleRefusesANonBeijingChildWithoutAResidencePermit() throws IOException {
        Files.writeString(folder.resolve("hd001-residence.drl"), (String) edits().filter(a -> a.get()[1].equals("hd001-residence.drl"))
                .findFirst().orElseThrow().get()[3], StandardCharsets.UTF_8);
        assertThat(engine.reload().swapped()).isTrue();

        var without = engine.judge(Ask.verify(registration(OLDER, HEBEI, DAY_SCHOOL, Route.ONLINE), true,
                Document.HUKOU, Document.WORK, Document.RESIDENCE, Document.NO_GUARDIAN_HOME).question());
        var with = engine.judge(Ask.verify(registration(OLDER, HEBEI, DAY_SCHOOL, Route.ONLINE), true,
                Document.HUKOU, Document.WORK, Document.RESIDENCE, Document.NO_GUARDIAN_HOME, Document.TEMP_RESIDENCE).question());

        assertThat(without.reasons()).extracting(Reason::rule).contains("HD001: 非京籍 children show a 居住证");
        assertThat(without.reasons()).extracting(Reason::code).contains(ReasonCode.DOCUMENTS_MISSING);
        assertThat(with.reasons()).extracting(Reason::rule).doesNotContain("HD001: 非京籍 children show a 居住证");
    }
}
