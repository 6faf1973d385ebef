package org.enrollment.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile values of issue 13 through the runner: a season year past four digits, a NUL in a school code,
 * a line longer than the bound, invalid UTF-8 far into a file are exit 2 naming line and field, never a stack
 * trace or an exit 3; names that hide or disguise text and an ID born in year 0000 are refusals the scenario
 * expects; a time in a message is not masked as if it were an ID.
 */
class HostileValuesRunTest {

    @TempDir
    Path dir;

    static Stream<Arguments> badSeasons() {
        return Stream.of(
                Arguments.of("year 99999", Scenarios.SEASON.replace("\"year\": 2014", "\"year\": 99999"), "season.year"),
                Arguments.of("year 2147483647", Scenarios.SEASON.replace("\"year\": 2014", "\"year\": 2147483647"), "season.year"),
                Arguments.of("a NUL in a school code", Scenarios.SEASON.replace("\"HD002\"", "\"HD\\u0000002\""), "season.schools[1].code"),
                Arguments.of("a NUL in a school name", Scenarios.SEASON.replace("\"北京小学\"", "\"北京\\u0000小学\""), "season.schools[2].name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSeasons")
    void exitsTwoNamingTheSeasonField(String kind, String season, String field) {
        Path file = Scenarios.write(dir, "bad.jsonl", season, Scenarios.REGISTER);

        CliRun run = CliRun.reference("run", file.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("bad.jsonl: line 1, field \"" + field + "\":").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void exitsTwoNamingALineLongerThanTheBoundWithoutReadingIt() throws IOException {
        Path file = dir.resolve("long.jsonl");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((Scenarios.SEASON + "\n" + Scenarios.REGISTER + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 24; i++) {
                out.write(chunk);
            }
        }

        CliRun bounded = CliRun.reference("run", "--max-line-bytes", "4096", file.toString());
        CliRun byDefault = CliRun.reference("run", file.toString());

        assertThat(bounded.exitCode()).isEqualTo(2);
        assertThat(bounded.err()).contains("long.jsonl: line 3: the line is longer than 4096 bytes.");
        assertThat(byDefault.exitCode()).isEqualTo(2);
        assertThat(byDefault.err()).contains("long.jsonl: line 3: the line is longer than 8388608 bytes.");
        assertThat(bounded.out()).as("nothing ran").isEmpty();
    }

    @Test
    void reportsInvalidUtf8AtItsOwnLine() throws IOException {
        Path file = dir.resolve("latin1.jsonl");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((Scenarios.SEASON + "\n").getBytes(StandardCharsets.UTF_8));
            for (int line = 2; line < 5000; line++) {
                out.write("# a comment line\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write("{\"name\": \"Zo\u00E9\"}\n".getBytes(StandardCharsets.ISO_8859_1));
        }

        CliRun run = CliRun.reference("run", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("latin1.jsonl: line 5000: the line is not UTF-8 text.");
    }

    @Test
    void refusesHostileNamesAndAnIdBornInYearZeroAsTheScenarioExpects() {
        String[] names = {"\\u200B\\u200B", "王\\u202E明", "王\\uDB40\\uDC41明", "王\\uFFFF明", "王110108201801010024"};
        String[] lines = new String[names.length + 2];
        lines[0] = Scenarios.SEASON;
        for (int i = 0; i < names.length; i++) {
            lines[i + 1] = Scenarios.REGISTER.replace("\"王小明\"", "\"" + names[i] + "\"")
                    .replace("09:00:00", "09:0" + i + ":00")
                    .replace("{\"outcome\": \"ACCEPTED\", \"state\": \"SUBMITTED\"}",
                            "{\"outcome\": \"REFUSED\", \"reasons\": [\"INVALID_INPUT\"], \"state\": \"NONE\"}");
        }
        lines[names.length + 1] = Scenarios.REGISTER.replace("110108200801010013", "110108000001010019")
                .replace("09:00:00", "10:00:00")
                .replace("{\"outcome\": \"ACCEPTED\", \"state\": \"SUBMITTED\"}",
                        "{\"outcome\": \"REFUSED\", \"reasons\": [\"INVALID_RESIDENT_ID\"], \"state\": \"NONE\"}");
        Path file = Scenarios.write(dir, "names.jsonl", lines);

        CliRun run = CliRun.reference("run", file.toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("\"commands\":6", "\"matched\":6", "\"refused\":6");
    }

    @Test
    void showsATimeInAMessageUnmasked() {
        Path file = Scenarios.write(dir, "time.jsonl", Scenarios.SEASON,
                Scenarios.REGISTER.replace("2014-05-06T09:00:00+08:00", "2014-05-06 09:00:00+08"));

        CliRun run = CliRun.reference("run", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'2014-05-06 09:00:00+08' is not an ISO-8601 time");
    }
}
