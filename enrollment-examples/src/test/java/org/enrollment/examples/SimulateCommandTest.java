package org.enrollment.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.enrollment.core.audit.AuditChain;
import org.enrollment.core.audit.AuditHead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    @TempDir
    Path dir;

    @Test
    void playsASmallSeasonWithTheShippedRulesAuditVerifiedAndItsReplayGivesTheSameOutcomes() throws IOException {
        Path season = dir.resolve("season.jsonl");

        CliRun simulate = CliRun.of(EnrollmentCli.shippedPolicies(), "simulate", "--children", "2000", "--seed", "7", "--out", season.toString());

        assertThat(simulate.exitCode()).as(simulate.err()).isZero();
        assertThat(simulate.out()).contains("verified intact").contains("commands/s").contains("110108 海淀区")
                .contains("(Registrations, not children: a child registered again");
        long commands = number(simulate.out(), "Commands: ([\\d,]+) ");
        long accepted = number(simulate.out(), "accepted ([\\d,]+)");
        assertThat(commands).isGreaterThan(4 * 2000);

        Path audit = dir.resolve("audit.jsonl");
        CliRun replay = CliRun.of(EnrollmentCli.shippedPolicies(), "run", "--audit", audit.toString(), season.toString());

        assertThat(replay.exitCode()).as(replay.err()).isZero();
        List<JsonNode> lines = RunCommandTest.lines(replay.out());
        JsonNode summary = lines.get(lines.size() - 1).get("summary");
        assertThat(summary.get("commands").asLong()).isEqualTo(commands);
        assertThat(summary.get("expectations").asLong()).isEqualTo(commands);
        assertThat(summary.get("missed").asLong()).isZero();
        assertThat(summary.get("accepted").asLong()).isEqualTo(accepted);
        assertNoRawIdOf(season, simulate.out() + simulate.err() + replay.out() + replay.err() + Files.readString(audit));
    }

    /** Every child of the season, valid ID or not, appears in the text only masked. */
    private static void assertNoRawIdOf(Path season, String text) throws IOException {
        Matcher ids = Pattern.compile("\"child\": ?\"([0-9]{17}[0-9X])\"").matcher(Files.readString(season));
        int checked = 0;
        while (ids.find()) {
            assertThat(text).doesNotContain(ids.group(1));
            checked++;
        }
        assertThat(checked).isGreaterThan(2000);
    }

    @Test
    void exportsTheAuditLogOfASeasonAndChecksTheFileAgainstTheRegistrysHead() throws IOException {
        Path audit = dir.resolve("audit.jsonl");

        CliRun simulate = CliRun.of(EnrollmentCli.shippedPolicies(), "simulate", "--children", "2000", "--audit", audit.toString());

        assertThat(simulate.exitCode()).as(simulate.err()).isZero();
        Matcher summary = Pattern.compile("Audit log: ([\\d,]+) entries, exported to (.+) and checked from the file: verified intact; "
                + "head ([0-9a-f]{64})\\.").matcher(simulate.out());
        assertThat(summary.find()).as(simulate.out()).isTrue();
        assertThat(summary.group(2)).isEqualTo(audit.toString());
        AuditHead head = new AuditHead(Long.parseLong(summary.group(1).replace(",", "")), summary.group(3));
        assertThat(head.count()).isEqualTo(number(simulate.out(), "Commands: ([\\d,]+) "));
        try (Stream<String> lines = Files.lines(audit)) {
            assertThat(lines.count()).isEqualTo(head.count());
        }
        assertThat(AuditChain.verifyFile(audit, head).intact()).isTrue();
    }

    @Test
    void playsTheSameSeasonForTheSameSeed() throws IOException {
        Path first = dir.resolve("first.jsonl");
        Path second = dir.resolve("second.jsonl");

        CliRun.reference("simulate", "--children", "1000", "--seed", "11", "--out", first.toString());
        CliRun.reference("simulate", "--children", "1000", "--seed", "11", "--out", second.toString());
        CliRun.reference("simulate", "--children", "1000", "--seed", "12", "--out", dir.resolve("other.jsonl").toString());

        assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
        assertThat(Files.mismatch(first, dir.resolve("other.jsonl"))).isNotEqualTo(-1L);
    }

    @Test
    void refusesTooFewChildrenWithExitTwo() {
        CliRun run = CliRun.reference("simulate", "--children", "10");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--children must be at least 400, was 10");
    }

    private static long number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in " + text).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }
}
