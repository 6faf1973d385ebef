package org.enrollment.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.enrollment.rules.DroolsPolicyEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line with the Drools rules it ships: the scenarios, an edited rule folder, a broken one. */
class ShippedRulesTest {

    private final PolicySource drools = EnrollmentCli.shippedPolicies();

    @TempDir
    Path dir;

    @Test
    void runsEveryBundledAndSharedScenarioWithEveryExpectationMet() throws IOException {
        List<Path> files = Stream.concat(Scenarios.bundled().stream(),
                Scenarios.sharedDir().map(Scenarios::jsonl).orElse(List.of()).stream()).toList();

        CliRun run = CliRun.of(drools, Scenarios.args("run", files));

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(RunCommandTest.lines(run.out()).stream().filter(l -> l.has("summary")).map(l -> l.get("summary")))
                .hasSize(files.size()).allSatisfy(s -> assertThat(s.get("missed").asLong()).isZero());
    }

    @Test
    void checksAnUnchangedCopyOfTheShippedRulesAndSaysWhichNeverFired() throws IOException {
        Path rules = exportedRules();

        CliRun run = CliRun.of(drools, Stream.concat(Stream.of("check-rules", rules.toString()),
                Scenarios.bundled().stream().map(Path::toString)).toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("Rules in " + java.util.regex.Pattern.quote(rules.toString()) + ": \\d+; fired: \\d+; never fired: \\d+\\.")
                .containsPattern("\\d+\\s+Age cut-off").containsPattern("\\d+\\s+Agreement needed")
                .containsPattern("\\d+\\s+Re-register in the household district");
    }

    @Test
    void showsWhatARuleEditWouldChange() throws IOException {
        Path rules = exportedRules();
        byte[] shipped = Files.readAllBytes(rules.resolve(DocumentTable.FILE));
        DocumentTable.ask(rules, DocumentTable.BEIJING, "WORK", true);
        assertThat(Files.readAllBytes(rules.resolve(DocumentTable.FILE))).as("the 京籍 row now asks for a work permit too").isNotEqualTo(shipped);
        Path lifecycle = Scenarios.bundled().stream().filter(f -> f.endsWith("lifecycle.jsonl")).findFirst().orElseThrow();

        CliRun run = CliRun.of(drools, "run", "--rules", rules.toString(), lifecycle.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode miss = RunCommandTest.lines(run.out()).stream().filter(l -> l.has("matched") && !l.get("matched").asBoolean())
                .findFirst().orElseThrow();
        assertThat(miss.get("do").asText()).isEqualTo("verify");
        assertThat(miss.get("actual").get("reasons").toString()).contains("DOCUMENTS_MISSING");
        assertThat(miss.get("expected").get("outcome").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void refusesAFolderThatDoesNotCompileNamingFileAndLine() throws IOException {
        Path rules = exportedRules();
        Files.writeString(rules.resolve("eligibility.drl"), "\nrule \"Broken\" when then this is not drl end\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        CliRun run = CliRun.of(drools, "check-rules", rules.toString(), Scenarios.bundled().get(0).toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("do not load").containsPattern("eligibility\\.drl:\\d+: ");
        assertThat(run.out()).isEmpty();
    }

    private Path exportedRules() throws IOException {
        Path rules = dir.resolve("rules");
        DroolsPolicyEngine.exportShippedRules(rules);
        return rules;
    }
}
