package org.enrollment.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.enrollment.core.audit.AuditChain;
import org.enrollment.core.audit.AuditHead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RunCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void runsEveryBundledScenarioWithEveryExpectationMet() throws IOException {
        List<Path> files = Scenarios.bundled();
        assertThat(files).hasSize(5);

        CliRun run = CliRun.reference(Scenarios.args("run", files));

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        List<JsonNode> summaries = lines(run.out()).stream().filter(l -> l.has("summary")).map(l -> l.get("summary")).toList();
        assertThat(summaries).hasSize(5).allSatisfy(s -> {
            assertThat(s.get("missed").asLong()).isZero();
            assertThat(s.get("expectations").asLong()).isPositive().isEqualTo(s.get("commands").asLong());
            assertThat(s.get("audit").get("intact").asBoolean()).isTrue();
        });
    }

    @Test
    void runsTheSharedScenariosBesideTheRepositoryAndKeepsItsCopiesEqualToThem() throws IOException {
        Optional<Path> shared = Scenarios.sharedDir();
        assumeTrue(shared.isPresent(), "../shared/scenarios is not beside the repository");
        List<Path> files = Scenarios.jsonl(shared.get());

        CliRun run = CliRun.reference(Scenarios.args("run", files));

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        for (Path copy : Scenarios.bundled()) {
            assertThat(copy).hasSameTextualContentAs(shared.get().resolve(copy.getFileName().toString()));
        }
        assertThat(files).extracting(f -> f.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(Scenarios.bundled().stream().map(f -> f.getFileName().toString()).toList());
    }

    @Test
    void printsOneObjectPerCommandWithOutcomeStateAndNumber() throws IOException {
        Path file = Scenarios.write(dir, "one.jsonl", "# a comment", Scenarios.SEASON, "", Scenarios.REGISTER);

        CliRun run = CliRun.reference("run", file.toString());

        assertThat(run.exitCode()).isZero();
        JsonNode line = lines(run.out()).get(0);
        assertThat(line.get("line").asInt()).isEqualTo(4);
        assertThat(line.get("do").asText()).isEqualTo("register");
        assertThat(line.get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(line.get("state").asText()).isEqualTo("SUBMITTED");
        assertThat(line.get("number").asText()).startsWith("110108-2014-");
        assertThat(line.get("matched").asBoolean()).isTrue();
    }

    @Test
    void exitsOneShowingExpectedAndActualWhenAnExpectationDoesNotHold() throws IOException {
        Path file = Scenarios.write(dir, "wrong.jsonl", Scenarios.SEASON,
                Scenarios.REGISTER.replace("\"state\": \"SUBMITTED\"", "\"state\": \"VERIFIED\""));

        CliRun run = CliRun.reference("run", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode line = lines(run.out()).get(0);
        assertThat(line.get("matched").asBoolean()).isFalse();
        assertThat(line.get("expected").get("state").asText()).isEqualTo("VERIFIED");
        assertThat(line.get("actual").get("state").asText()).isEqualTo("SUBMITTED");
        assertThat(line.get("missed").toString()).isEqualTo("[\"state\"]");
        assertThat(lines(run.out()).get(1).get("summary").get("missed").asInt()).isEqualTo(1);
    }

    @Test
    void judgesAWellTypedButBadValueInsteadOfCallingTheFileWrong() throws IOException {
        Path file = Scenarios.write(dir, "bad-value.jsonl", Scenarios.SEASON,
                "{\"at\": \"2014-05-06T09:00:00+08:00\", \"as\": \"NOBODY\", \"do\": \"withdraw\", \"child\": \"110108200801010013\","
                        + " \"expect\": {\"outcome\": \"REFUSED\", \"reasons\": [\"INVALID_INPUT\"], \"state\": \"NONE\"}}",
                "{\"at\": \"2014-05-06T09:00:00+08:00\", \"as\": \"GUARDIAN\", \"do\": \"register\", \"child\": \"110108200801010050\","
                        + " \"name\": \"王五\", \"household\": \"110108\", \"district\": \"110108\", \"school\": \"HD001\", \"future\": [1, 2],"
                        + " \"expect\": {\"outcome\": \"REFUSED\", \"reasons\": [\"INVALID_RESIDENT_ID\"], \"state\": \"NONE\"}}");

        CliRun run = CliRun.reference("run", file.toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
    }

    static Stream<Arguments> malformedFiles() {
        String cmd = Scenarios.REGISTER;
        return Stream.of(
                Arguments.of("a line that is not JSON", new String[] {Scenarios.SEASON, "{\"at\": "}, 2, null),
                Arguments.of("a line that is JSON but not an object", new String[] {Scenarios.SEASON, "[1, 2]"}, 2, null),
                Arguments.of("a missing at", new String[] {Scenarios.SEASON, cmd.replace("\"at\": \"2014-05-06T09:00:00+08:00\", ", "")}, 2, "at"),
                Arguments.of("a missing as", new String[] {Scenarios.SEASON, cmd.replace("\"as\": \"GUARDIAN\", ", "")}, 2, "as"),
                Arguments.of("a missing do", new String[] {Scenarios.SEASON, cmd.replace("\"do\": \"register\", ", "")}, 2, "do"),
                Arguments.of("an unknown do", new String[] {Scenarios.SEASON, cmd.replace("\"register\"", "\"enrol\"")}, 2, "do"),
                Arguments.of("a number where text belongs", new String[] {Scenarios.SEASON,
                        cmd.replace("\"child\": \"110108200801010013\"", "\"child\": 110108200801010013")}, 2, "child"),
                Arguments.of("a list of non-strings", new String[] {Scenarios.SEASON,
                        "{\"at\": \"2014-05-07T09:00:00+08:00\", \"as\": \"SCHOOL:HD001\", \"do\": \"verify\", "
                                + "\"child\": \"110108200801010013\", \"result\": \"pass\", \"documents\": [\"HUKOU\", 2]}"}, 2, "documents[1]"),
                Arguments.of("a co-build child that is not an object", new String[] {Scenarios.SEASON,
                        "{\"at\": \"2014-05-07T09:00:00+08:00\", \"as\": \"COBUILD:U\", \"do\": \"cobuild-list\", "
                                + "\"school\": \"HD001\", \"children\": [\"110108200801010013\"]}"}, 2, "children[0]"),
                Arguments.of("a time that is not ISO-8601 with offset", new String[] {Scenarios.SEASON,
                        cmd.replace("2014-05-06T09:00:00+08:00", "2014-05-06 09:00")}, 2, "at"),
                Arguments.of("a time going backwards", new String[] {Scenarios.SEASON, cmd,
                        cmd.replace("2014-05-06T09:00:00+08:00", "2014-05-06T08:59:59+08:00")}, 3, "at"),
                Arguments.of("a first object that is not the season", new String[] {cmd, Scenarios.SEASON}, 1, "season"),
                Arguments.of("a season of the wrong shape", new String[] {Scenarios.SEASON.replace("\"plan\": 2", "\"plan\": \"2\"")}, 1,
                        "season.schools[0].plan"),
                Arguments.of("a school in no Beijing district", new String[] {Scenarios.SEASON.replace("\"110102\"", "\"120102\"")}, 1,
                        "season.schools[2].district"),
                Arguments.of("a window that closes before it opens", new String[] {Scenarios.SEASON.replace("2014-06-01T00:00:00", "2014-05-01T00:00:00")},
                        1, "season.closes"),
                Arguments.of("a school code given twice", new String[] {Scenarios.SEASON.replace("\"HD002\"", "\"HD001\"")}, 1, "season"),
                Arguments.of("an expectation of an unknown state", new String[] {Scenarios.SEASON,
                        cmd.replace("\"state\": \"SUBMITTED\"", "\"state\": \"DONE\"")}, 2, "expect.state"),
                Arguments.of("an empty file", new String[] {}, 1, null),
                Arguments.of("a file of comments only", new String[] {"# nothing here", ""}, 2, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFiles")
    void exitsTwoNamingLineAndFieldBeforeAnyCommandRuns(String kind, String[] lines, int line, String field) {
        Path good = Scenarios.write(dir, "good.jsonl", Scenarios.SEASON, Scenarios.REGISTER);
        Path bad = Scenarios.write(dir, "bad.jsonl", lines);

        CliRun run = CliRun.reference("run", good.toString(), bad.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).as("nothing ran").isEmpty();
        assertThat(run.err()).contains("bad.jsonl: line " + line + (field == null ? ":" : ", field \"" + field + "\":"))
                .doesNotContain("good.jsonl").doesNotContain("110108200801010013");
    }

    @Test
    void writesTheAuditLogOfEachScenarioAndChecksIt() throws IOException {
        Path audit = dir.resolve("audit.jsonl");
        List<Path> files = Scenarios.bundled();

        CliRun run = CliRun.reference(Stream.concat(Stream.of("run", "--audit", audit.toString()),
                files.stream().map(Path::toString)).toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path lifecycle = dir.resolve("audit-lifecycle.jsonl");
        List<String> entries = Files.readAllLines(lifecycle);
        JsonNode summary = lines(run.out()).stream().filter(l -> l.has("summary")).map(l -> l.get("summary"))
                .filter(s -> s.get("file").asText().endsWith("lifecycle.jsonl")).findFirst().orElseThrow();
        assertThat(summary.get("audit").get("file").asText()).isEqualTo(lifecycle.toString());
        assertThat(summary.get("audit").get("intact").asBoolean()).isTrue();
        assertThat(entries).hasSize(summary.get("commands").asInt())
                .allSatisfy(e -> assertThat(e).doesNotContain("110108200801010013"));
        AuditHead head = new AuditHead(entries.size(), JSON.readTree(entries.get(entries.size() - 1)).get("hash").asText());
        assertThat(AuditChain.verifyLines(entries.iterator(), head).intact()).isTrue();
        assertThat(AuditChain.verifyLines(entries.subList(0, entries.size() - 1).iterator(), head).intact())
                .as("a log cut short does not check out against the head").isFalse();
    }

    @Test
    void playsEveryScenarioOnTheH2StoreEachFileInAFreshSchema() throws IOException {
        Path key = dir.resolve("city.key");
        Files.write(key, "a child key of 32 bytes, for H2.".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        List<String> args = new ArrayList<>(List.of("run", "--store", "jdbc:h2:mem:runcommandtest", "--child-key", key.toString()));
        Scenarios.bundled().forEach(p -> args.add(p.toString()));

        CliRun run = CliRun.reference(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> out = lines(run.out());
        assertThat(out).filteredOn(n -> n.has("matched")).isNotEmpty().allMatch(n -> n.get("matched").asBoolean());
    }

    @Test
    void playsEveryScenarioEightAtOnceOnH2AsOneAtATime() throws IOException {
        Path key = Files.write(dir.resolve("city.key"), "a child key of 32 bytes, for H2.".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        List<String> outs = new ArrayList<>();
        for (String connections : List.of("1", "8")) {
            List<String> args = new ArrayList<>(List.of("run", "--store", "jdbc:h2:mem:eightatonce" + connections, "--child-key",
                    key.toString(), "--connections", connections));
            Scenarios.bundled().forEach(p -> args.add(p.toString()));

            CliRun run = CliRun.reference(args.toArray(String[]::new));

            assertThat(run.exitCode()).as(run.err()).isZero();
            outs.add(run.out());
        }
        assertThat(outs.get(1)).isEqualTo(outs.get(0)).contains("\"missed\":0");
    }

    @Test
    void refusesConnectionsBelowOneAndMoreThanOneOnTheMemoryStoreWithExitTwo() {
        CliRun none = CliRun.reference("run", "--store", "jdbc:h2:mem:none", "--child-key", dir.resolve("k").toString(),
                "--connections", "0", Scenarios.bundled().get(0).toString());
        CliRun memory = CliRun.reference("run", "--connections", "4", Scenarios.bundled().get(0).toString());

        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("--connections 0: must be 1 or more").doesNotContain("\tat ");
        assertThat(memory.exitCode()).isEqualTo(2);
        assertThat(memory.err()).contains("--connections 4: the memory store plays one command after another").contains("Maybe");
        assertThat(none.out() + memory.out()).isEmpty();
    }

    @Test
    void namesAStoreItCannotReachInOneLineWithoutItsPassword() {
        CliRun run = CliRun.reference("run", "--store", "jdbc:postgresql://city:s3cret@db/enrollment?password=s3cret&user=city",
                Scenarios.bundled().get(0).toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("jdbc:postgresql://city:***@db/enrollment?password=***&user=city")
                .doesNotContain("s3cret").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void refusesAStoreItDoesNotHaveWithExitTwo() {
        CliRun run = CliRun.reference("run", "--store", "jdbc:sqlite:x.db", Scenarios.bundled().get(0).toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--store jdbc:sqlite:x.db").contains("Maybe");
        assertThat(run.out()).isEmpty();
    }

    static List<JsonNode> lines(String out) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String l : out.split("\n")) {
            if (!l.isBlank()) {
                nodes.add(JSON.readTree(l));
            }
        }
        return nodes;
    }
}
