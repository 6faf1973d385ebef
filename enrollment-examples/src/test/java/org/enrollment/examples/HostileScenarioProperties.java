package org.enrollment.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile input through the scenario runner: a field of the right JSON type with a hostile value is judged and
 * refused with a reason, the run ending normally; a field of the wrong JSON type makes the file wrong (exit 2,
 * line and field named, nothing run). Never an exception, a stack trace or a raw resident ID in the output.
 */
class HostileScenarioProperties {

    /** Writes non-ASCII characters as escapes, so that a lone surrogate can stand in a UTF-8 file. */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build());
    private static final String VALID_ID = "110108200801010013";
    private static final List<String> TEXT_FIELDS = List.of("child", "name", "household", "district", "school", "route");
    private static Path dir;

    @BeforeContainer
    static void makeFolder() throws IOException {
        dir = Files.createTempDirectory("hostile-scenarios");
    }

    @AfterContainer
    static void removeFolder() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    @Property(tries = 300)
    void aHostileValueOfTheRightTypeIsJudgedAndRefusedNeverAnError(@ForAll("hostileRegistrations") ObjectNode command)
            throws IOException {
        Path file = Scenarios.write(dir, "right-type.jsonl", Scenarios.SEASON, JSON.writeValueAsString(command));

        CliRun run = CliRun.reference("run", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode line = RunCommandTest.lines(run.out()).get(0);
        assertThat(line.get("outcome").asText()).isIn("ACCEPTED", "REFUSED");
        if (line.get("outcome").asText().equals("REFUSED")) {
            assertThat(line.get("reasons")).isNotEmpty();
        }
        assertNothingLeaks(run);
    }

    @Property(tries = 100)
    void aFieldOfTheWrongTypeMakesTheFileWrongNamingLineAndField(@ForAll("wrongTypes") JsonNode value,
                                                                   @ForAll("textFields") String field) throws IOException {
        ObjectNode command = (ObjectNode) JSON.readTree(Scenarios.REGISTER);
        command.set(field, value);
        Path file = Scenarios.write(dir, "wrong-type.jsonl", Scenarios.SEASON, JSON.writeValueAsString(command));

        CliRun run = CliRun.reference("run", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("2").contains(field);
        assertThat(run.out()).isEmpty();
        assertNothingLeaks(run);
    }

    private static void assertNothingLeaks(CliRun run) {
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out() + run.err()).doesNotContain(VALID_ID);
    }

    @Provide
    Arbitrary<ObjectNode> hostileRegistrations() {
        Arbitrary<String> field = Arbitraries.of(TEXT_FIELDS);
        return Combinators.combine(field, hostile()).as((f, value) -> {
            try {
                ObjectNode command = (ObjectNode) JSON.readTree(Scenarios.REGISTER);
                command.remove("expect");
                command.put(f, value);
                return command;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Provide
    Arbitrary<String> textFields() {
        return Arbitraries.of(TEXT_FIELDS);
    }

    @Provide
    Arbitrary<JsonNode> wrongTypes() {
        return Arbitraries.of(JSON.getNodeFactory().numberNode(110108), JSON.getNodeFactory().booleanNode(true),
                JSON.getNodeFactory().arrayNode().add("110108"), JSON.getNodeFactory().objectNode().put("x", 1));
    }

    /** Values a form or a file may carry that no valid command has. */
    private static Arbitrary<String> hostile() {
        return Arbitraries.oneOf(
                Arbitraries.of("'; DROP TABLE registration; --", "王小明\n{\"do\": \"file\"}", "\u0000", "\u2028", "\ud800",
                        "", " ", "ZZ999", "NB:12345", "NB:", "999999", "110108200802300013", "11010820080101001",
                        "110108200801010014", "11010820080101001x", "BOARDING ", "online", "SCHOOL:HD001"),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(20),
                Arbitraries.strings().alpha().ofMinLength(51).ofMaxLength(20_000),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(60));
    }
}
