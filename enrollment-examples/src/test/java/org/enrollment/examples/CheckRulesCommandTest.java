package org.enrollment.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.enrollment.core.policy.ReferencePolicies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckRulesCommandTest {

    @TempDir
    Path dir;

    /** A folder "loads" as the reference policies, with one rule more that nothing can trigger. */
    private final PolicySource folderAsReference = new PolicySource() {
        @Override
        public RuleSet shipped() {
            throw new AssertionError("check-rules judges with the folder, not the shipped rules");
        }

        @Override
        public RuleSet fromFolder(Path folder) {
            return new RuleSet(new ReferencePolicies(), List.of("Online window", "Age cut-off", "A rule nothing triggers"), folder.toString());
        }
    };

    @Test
    void tellsWhichRulesFiredAndWhichNeverDid() {
        Path scenario = Scenarios.bundled().stream().filter(f -> f.endsWith("bad-input.jsonl")).findFirst().orElseThrow();

        CliRun run = CliRun.of(folderAsReference, "check-rules", dir.toString(), scenario.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Rules in " + dir + ": 3; fired: 2; never fired: 1.")
                .containsPattern("\\s+1\\s+Age cut-off").containsPattern("\\s+1\\s+Online window")
                .containsPattern("Never fired:\\s+A rule nothing triggers");
    }

    @Test
    void exitsTwoListingTheProblemsWhenTheFolderDoesNotLoad() {
        Path scenario = Scenarios.bundled().get(0);

        CliRun run = CliRun.reference("check-rules", dir.toString(), scenario.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("do not load").contains("the rules in force are unchanged")
                .contains(dir + ": the reference policies load no folders");
        assertThat(run.out()).isEmpty();
    }
}
