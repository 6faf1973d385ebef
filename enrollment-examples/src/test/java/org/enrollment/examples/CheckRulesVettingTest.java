package org.enrollment.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.enrollment.rules.DroolsPolicyEngine;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code check-rules} vets before anything compiles or runs: each attack of issue 12 as a rule file ends with
 * exit 2 and the file and line on standard error, nothing written, and this JVM still here.
 */
class CheckRulesVettingTest {

    @TempDir
    static Path outside;

    @TempDir
    Path dir;

    private static String file(String consequence) {
        return String.join("\n", "package org.enrollment.rules.policies;", "import org.enrollment.core.command.CommandKind;",
                "import org.enrollment.rules.facts.*;", "global VerdictRecorder verdict;",
                "rule \"Attack\"", "when", "    CommandFact()", "    SchoolFact(code == \"HD001\")", "then",
                "    " + consequence, "end", "");
    }

    static Stream<Arguments> attacks() {
        String stolen = outside.resolve("stolen.txt").toString().replace("\\", "/");
        return Stream.of(
                Arguments.of("System.exit", file("System.exit(42);")),
                Arguments.of("/etc/passwd into a file", file("java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + stolen
                        + "\"), java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\")));")),
                Arguments.of("an endless loop", file("while (true) { }")),
                Arguments.of("a time bomb", file("if (java.time.Instant.now().getEpochSecond() > 0) { for (;;) { } }")),
                Arguments.of("a rule that throws", file("throw new RuntimeException(\"boom\");")),
                Arguments.of("endless allocation", file("java.util.List<long[]> l = new java.util.ArrayList<>(); while (true) { l.add(new long[1 << 20]); }")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void refusesTheAttackWithFileAndLineAndRunsNothing(String attack, String content) throws IOException {
        Path rules = dir.resolve("rules");
        DroolsPolicyEngine.exportShippedRules(rules);
        Files.writeString(rules.resolve("attack.drl"), content, StandardCharsets.UTF_8);

        CliRun run = CliRun.of(EnrollmentCli.shippedPolicies(), "check-rules", rules.toString(), Scenarios.bundled().get(0).toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("attack.drl:10: Not allowed");
        assertThat(run.out()).isEmpty();
        assertThat(outside).isEmptyDirectory();
    }
}
