package org.enrollment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The attacks of issue 12, each as a rule file someone who can write to the rules folder might add: each is
 * refused by vetting, with file, line and the offending text, before anything of it compiles or runs; the
 * reload returns, the rules in force stay, nothing is written, and this JVM is still here to check.
 */
class RuleVettingTest extends ShippedFolderTest {

    @TempDir
    static Path outside;

    /** A rule file around one rule: the package, the imports and the global every policy file has. */
    static String ruleFile(String rule) {
        return String.join("\n",
                "package org.enrollment.rules.policies;",
                "",
                "import org.enrollment.core.command.CommandKind;",
                "import org.enrollment.core.command.ReasonCode;",
                "import org.enrollment.rules.facts.*;",
                "",
                "global VerdictRecorder verdict;",
                "",
                rule,
                "");
    }

    private static String stolen() {
        return outside.resolve("stolen.txt").toString().replace("\\", "/");
    }

    /** Name, file content, the text the problem quotes, the line it is on. */
    static Stream<Arguments> attacks() {
        return Stream.of(
                Arguments.of("System.exit in a consequence", ruleFile(String.join("\n",
                        "rule \"Exit\"", "when", "    CommandFact()", "then", "    System.exit(42);", "end")), "System.exit(42)", 13),
                Arguments.of("reading /etc/passwd into a file", ruleFile(String.join("\n",
                        "rule \"Steal\"", "when", "    CommandFact()", "then",
                        "    java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + stolen() + "\"),",
                        "        java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\")),",
                        "        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);",
                        "end")), "java.nio.file.Files.writeString", 13),
                Arguments.of("an endless loop", ruleFile(String.join("\n",
                        "rule \"Spin\"", "when", "    CommandFact()", "then", "    while (true) { }", "end")), "while", 13),
                Arguments.of("a time bomb at one school", ruleFile(String.join("\n",
                        "rule \"Bomb\"", "when", "    CommandFact(kind == CommandKind.TICK)", "    SchoolFact(code == \"HD001\")",
                        "then", "    verdict.advise(ReasonCode.ADVICE_REGISTER_ONLINE, \"\", \"\");",
                        "    for (long i = 0; ; i++) { }", "end")), "for", 15),
                Arguments.of("a rule that throws", ruleFile(String.join("\n",
                        "rule \"Throw\"", "when", "    CommandFact()", "then",
                        "    throw new IllegalStateException(\"boom\");", "end")), "throw new IllegalStateException", 13),
                Arguments.of("endless allocation", ruleFile(String.join("\n",
                        "rule \"Hog\"", "when", "    CommandFact()", "then",
                        "    java.util.List<long[]> hog = new java.util.ArrayList<>();",
                        "    while (true) { hog.add(new long[1 << 20]); }", "end")), "java.util.List<long[]> hog", 13),
                Arguments.of("reflection in a condition", ruleFile(String.join("\n",
                        "rule \"Reflect\"", "when", "    CommandFact(Class.forName(\"java.lang.Runtime\") != null)", "then",
                        "    verdict.refuse(ReasonCode.PLAN_FULL, \"\", \"\");", "end")), "Class", 11),
                Arguments.of("System in a condition", ruleFile(String.join("\n",
                        "rule \"Exit when\"", "when", "    CommandFact()", "    eval(System.exit(1) == null)", "then",
                        "    verdict.refuse(ReasonCode.PLAN_FULL, \"\", \"\");", "end")), "System", 12),
                Arguments.of("the session from a consequence", ruleFile(String.join("\n",
                        "rule \"Session\"", "when", "    CommandFact()", "then", "    drools.getKieRuntime().halt();", "end")),
                        "drools", 13),
                Arguments.of("new of a type that is not a fact", ruleFile(String.join("\n",
                        "rule \"Thread\"", "when", "    CommandFact()", "then", "    insert(new Thread(\"x\"));", "end")),
                        "new Thread", 13),
                Arguments.of("an import of java.io", ruleFile(String.join("\n",
                        "rule \"Plain\"", "when", "    CommandFact()", "then",
                        "    verdict.refuse(ReasonCode.PLAN_FULL, \"\", \"\");", "end"))
                        .replace("import org.enrollment.rules.facts.*;", "import org.enrollment.rules.facts.*;\nimport java.io.File;"),
                        "import java.io.File", 6),
                Arguments.of("a recursive function", ruleFile(String.join("\n",
                        "function int down(int n) {", "    return n == 0 ? 0 : down(n - 1);", "}",
                        "rule \"Deep\"", "when", "    SchoolFact(down(plan) == 0)", "then",
                        "    verdict.refuse(ReasonCode.PLAN_FULL, \"\", \"\");", "end")), "down", 9),
                Arguments.of("a lambda in a function", ruleFile(String.join("\n",
                        "function boolean late(java.time.Instant at) {",
                        "    Runnable r = () -> System.exit(3);", "    return at == null;", "}",
                        "rule \"Late\"", "when", "    CommandFact(late(at))", "then",
                        "    verdict.refuse(ReasonCode.PLAN_FULL, \"\", \"\");", "end")), "Runnable", 10),
                Arguments.of("modify of a fact not marked for it", ruleFile(String.join("\n",
                        "rule \"Change\"", "when", "    $s : SchoolFact()", "then", "    modify($s) { setPlan(99) };", "end")),
                        "modify", 13),
                Arguments.of("an expression as the enabled attribute", ruleFile(String.join("\n",
                        "rule \"Enabled\"", "    enabled (System.exit(7) == 0)", "when", "    CommandFact()", "then",
                        "    verdict.refuse(ReasonCode.PLAN_FULL, \"\", \"\");", "end")), "System.exit(7)", 10),
                Arguments.of("a global other than verdict", ruleFile(String.join("\n",
                        "rule \"Plain\"", "when", "    CommandFact()", "then",
                        "    verdict.refuse(ReasonCode.PLAN_FULL, \"\", \"\");", "end"))
                        .replace("global VerdictRecorder verdict;", "global VerdictRecorder verdict;\nglobal java.util.List leak;"),
                        "global java.util.List leak", 8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void anAttackIsRefusedByVettingWithFileLineAndTextAndNothingOfItRuns(String attack, String file, String text, int line) throws IOException {
        Files.writeString(folder.resolve("attack.drl"), file, StandardCharsets.UTF_8);
        assertThat(file.lines().skip(line - 1).findFirst().orElseThrow()).as("the test's own line number").contains(text);
        List<String> rulesBefore = List.copyOf(engine.ruleNames());

        ReloadResult result = engine.reload();

        assertThat(result.swapped()).isFalse();
        assertThat(result.problems()).first().satisfies(p -> {
            assertThat(p.file()).isEqualTo("attack.drl");
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).startsWith("Not allowed: ").contains(text.replaceAll("\\s+", " "));
        });
        assertThat(engine.ruleNames()).containsExactlyElementsOf(rulesBefore);
        assertThat(Files.exists(outside.resolve("stolen.txt"))).isFalse();
        assertThat(outside).isEmptyDirectory();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void anAttackIsRefusedWhenTheFolderIsLoaded(String attack, String file, String text, int line) throws IOException {
        Files.writeString(folder.resolve("attack.drl"), file, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> DroolsPolicyEngine.fromFolder(folder))
                .isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.getMessage()).contains("attack.drl:" + line + ": Not allowed"));
        assertThat(outside).isEmptyDirectory();
    }
}
