package org.enrollment.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each mistake a user of the command line makes (issue 15): exit 2, one line that names the argument, file or
 * value, no stack trace, nothing on standard output.
 */
class CommandLineMistakesTest {

    @TempDir
    Path dir;

    private Path scenario() {
        return Scenarios.write(dir, "one.jsonl", Scenarios.SEASON, Scenarios.REGISTER);
    }

    @Test
    void anUnreachableDatabaseIsOneLineNamingTheUrl() {
        CliRun run = CliRun.reference("run", "--store", "jdbc:postgresql://localhost:1/x", scenario().toString());

        assertOneLine(run, "--store jdbc:postgresql://localhost:1/x: cannot connect to the database");
    }

    @Test
    void anUnwritableAuditFileIsOneLineNamingItBeforeAnythingRuns() {
        CliRun run = CliRun.reference("run", "--audit", "/nonexistent/dir/a.jsonl", scenario().toString());

        assertOneLine(run, "--audit /nonexistent/dir/a.jsonl: the folder /nonexistent/dir does not exist.");
    }

    @Test
    void anUnwritableScenarioFileOfSimulateIsOneLineNamingIt() {
        CliRun run = CliRun.reference("simulate", "--children", "400", "--out", "/nonexistent/dir/s.jsonl");

        assertOneLine(run, "--out /nonexistent/dir/s.jsonl: the folder /nonexistent/dir does not exist.");
    }

    @Test
    void anUnwritableReportOfSimulateIsOneLineNamingItBeforeTheSeasonPlays() {
        CliRun run = CliRun.reference("simulate", "--children", "400", "--html", "/nonexistent/dir/s.html");

        assertOneLine(run, "--html /nonexistent/dir/s.html: the folder /nonexistent/dir does not exist.");
    }

    @Test
    void anUnwritableReportOfImpactIsOneLineNamingItBeforeAnythingReplays() {
        CliRun json = CliRun.reference("impact", "--rules", dir.toString(), "--json", "/nonexistent/dir/i.json", scenario().toString());
        CliRun html = CliRun.reference("impact", "--rules", dir.toString(), "--html", "/nonexistent/dir/i.html", scenario().toString());

        assertOneLine(json, "--json /nonexistent/dir/i.json: the folder /nonexistent/dir does not exist.");
        assertOneLine(html, "--html /nonexistent/dir/i.html: the folder /nonexistent/dir does not exist.");
    }

    @Test
    void anUnwritableCheckpointIsOneLineNamingItBeforeTheSeasonPlays() throws IOException {
        Path key = dir.resolve("city");
        assertThat(CliRun.reference("log", "keygen", "--origin", "city.example/log", "--out", key.toString()).exitCode()).isZero();

        CliRun run = CliRun.reference("simulate", "--children", "400", "--audit", dir.resolve("a.jsonl").toString(),
                "--log-key", key + ".key", "--checkpoint", "/nonexistent/dir/a.cp");

        assertOneLine(run, "--checkpoint /nonexistent/dir/a.cp: the folder /nonexistent/dir does not exist.");
        assertThat(dir.resolve("a.jsonl")).doesNotExist();
    }

    @Test
    void anAuditPathThatIsAFolderIsOneLineNamingIt() {
        CliRun run = CliRun.reference("simulate", "--children", "400", "--audit", dir.toString());

        assertOneLine(run, "--audit " + dir + ": is a folder, not a file.");
    }

    @Test
    void aMissingScenarioFileIsOneLineNamingIt() {
        CliRun run = CliRun.reference("run", "nosuch.jsonl");

        assertOneLine(run, "nosuch.jsonl: cannot be read (no such file).");
    }

    @Test
    void aWrongStoreShowsTheMistakeThenRunsSynopsisNotTheTopLevelUsage() {
        CliRun run = CliRun.reference("run", "--store", "postgres", scenario().toString());

        assertThat(run.exitCode()).isEqualTo(2);
        List<String> lines = run.err().lines().toList();
        assertThat(lines.get(0)).isEqualTo("enrollment run: --store 'postgres' is neither memory nor a jdbc: URL.");
        assertThat(run.err()).contains("Usage: enrollment run ").contains("Try 'enrollment run --help'")
                .doesNotContain("simulate").doesNotContain("check-rules");
        assertNoStackTrace(run);
    }

    @Test
    void anExportIntoAFolderThatHasTheFilesIsOneLineAndOverwritesNothing() throws IOException {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules);
        Files.writeString(rules.resolve("district-uniqueness.drl"), "mine");

        CliRun run = CliRun.reference("rules", "export", rules.toString());

        assertOneLine(run, rules + ": already has district-uniqueness.drl; nothing was overwritten.");
        assertThat(rules.resolve("district-uniqueness.drl")).hasContent("mine");
    }

    @Test
    void anExportIntoAFileIsOneLineNamingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");

        CliRun run = CliRun.reference("rules", "export", file.resolve("rules").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().startsWith("enrollment rules export: ")
                .contains(file.toString());
        assertNoStackTrace(run);
    }

    @Test
    void rulesExportWritesTheShippedRuleFiles() {
        Path rules = dir.resolve("exported");

        CliRun run = CliRun.of(EnrollmentCli.shippedPolicies(), "rules", "export", rules.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(rules.resolve("eligibility.drl")).content().contains("rule \"Age upper bound\"");
        assertThat(rules.resolve("eligibility-documents.drl.xlsx")).exists();
        assertThat(run.out()).contains("6 rule files written to " + rules);
    }

    private static void assertOneLine(CliRun run, String named) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines()).as(run.err()).singleElement().asString().contains(named);
        assertThat(run.out()).isEmpty();
        assertNoStackTrace(run);
    }

    private static void assertNoStackTrace(CliRun run) {
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("internal error");
    }
}
