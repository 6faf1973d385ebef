package org.enrollment.examples.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.enrollment.core.command.Command;
import org.enrollment.core.command.CommandKind;
import org.enrollment.core.command.Outcome;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.season.Season;

/**
 * Reads a scenario file line by line, as SCENARIOS.md defines it: UTF-8 JSON Lines, blank lines and
 * {@code #} comments skipped, the season first, then one command a line in time order. It streams: a file
 * of a million commands is read without holding them. Anything wrong with the file itself is a
 * {@link ScenarioFileException} naming the line and the field; {@link #check(Path, int)} reads a whole file for
 * them before anything is run.
 */
public final class ScenarioReader implements Closeable {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final String KNOWN_COMMANDS = Arrays.stream(CommandKind.values()).map(CommandKind::text)
            .collect(Collectors.joining(", "));
    private static final String KNOWN_STATES = Arrays.stream(RegistrationState.values()).map(Enum::name)
            .collect(Collectors.joining(", ")) + ", " + Expectation.NONE;

    /** The longest line read by default, in bytes: far above any real command, far below what a heap holds. */
    public static final int DEFAULT_MAX_LINE_BYTES = 8 * 1024 * 1024;

    private final LineSource in;
    private final Season season;
    private int lineNumber;
    private OffsetDateTime lastAt;

    private ScenarioReader(LineSource in) {
        this.in = in;
        JsonFields first = nextObject();
        if (first == null) {
            throw new ScenarioFileException(Math.max(1, lineNumber), null, "the file is empty: it has no season."
                    + "\nMaybe start it with {\"season\": {\"year\": 2014, \"opens\": ..., \"closes\": ..., \"schools\": [...]}}.");
        }
        JsonFields s = first.object("season");
        if (s == null) {
            throw new ScenarioFileException(lineNumber, "season", "the first object must be the season, but it has no \"season\" object."
                    + "\nMaybe the season line is missing or comes after a command.");
        }
        this.season = SeasonCodec.read(s);
    }

    /**
     * Opens a scenario file and reads its season.
     *
     * @throws ScenarioFileException when the file is empty or does not start with a valid season
     * @throws UncheckedIOException when the file cannot be read
     */
    public static ScenarioReader open(Path file) {
        return open(file, DEFAULT_MAX_LINE_BYTES);
    }

    /**
     * Opens a scenario file whose lines may be at most this many bytes long, and reads its season.
     *
     * @throws ScenarioFileException when the file is empty, does not start with a valid season, or its first
     *         lines are too long
     * @throws UncheckedIOException when the file cannot be read
     */
    public static ScenarioReader open(Path file, int maxLineBytes) {
        Objects.requireNonNull(file, "file");
        LineSource in;
        try {
            in = new LineSource(Files.newInputStream(file), maxLineBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot be read (" + FileProblems.reason(e) + ").", e);
        }
        try {
            return new ScenarioReader(in);
        } catch (RuntimeException e) {
            closeQuietly(in, e);
            throw e;
        }
    }

    /**
     * Reads a whole file for file errors, running nothing.
     *
     * @return how many commands it holds
     * @throws ScenarioFileException at the first problem
     */
    public static long check(Path file, int maxLineBytes) {
        long commands = 0;
        try (ScenarioReader r = open(file, maxLineBytes)) {
            while (r.next() != null) {
                commands++;
            }
        }
        return commands;
    }

    /** The season, from the first object. */
    public Season season() {
        return season;
    }

    /**
     * The next command, or {@code null} at the end of the file.
     *
     * @throws ScenarioFileException when the line is wrong
     */
    public ScenarioCommand next() {
        JsonFields f = nextObject();
        if (f == null) {
            return null;
        }
        int line = f.line();
        OffsetDateTime at = f.requiredTime("at");
        if (lastAt != null && at.toInstant().isBefore(lastAt.toInstant())) {
            throw f.problem("at", "the time " + at + " is earlier than the line before (" + lastAt + "); times never go backwards in a file."
                    + "\nMaybe the lines are out of order.");
        }
        lastAt = at;
        String actor = f.requiredText("as");
        String doText = f.requiredText("do");
        CommandKind kind = CommandKind.fromText(doText).orElseThrow(() -> f.problem("do",
                "'" + JsonFields.shorten(doText) + "' is not a command. Known: " + KNOWN_COMMANDS + "."));
        Command command = CommandCodec.read(kind, f);
        JsonFields e = f.object("expect");
        return new ScenarioCommand(line, at, actor, command, e == null ? Expectation.nothing() : expectation(e));
    }

    private static Expectation expectation(JsonFields e) {
        String outcomeText = e.text("outcome");
        Outcome outcome = null;
        if (outcomeText != null) {
            outcome = switch (outcomeText) {
                case "ACCEPTED" -> Outcome.ACCEPTED;
                case "REFUSED" -> Outcome.REFUSED;
                default -> throw e.problem("outcome", "'" + JsonFields.shorten(outcomeText) + "' is neither ACCEPTED nor REFUSED.");
            };
        }
        Set<ReasonCode> reasons = null;
        List<String> reasonTexts = e.texts("reasons");
        if (reasonTexts != null) {
            reasons = EnumSet.noneOf(ReasonCode.class);
            for (int i = 0; i < reasonTexts.size(); i++) {
                String code = reasonTexts.get(i);
                if (Arrays.stream(ReasonCode.values()).noneMatch(c -> c.name().equals(code))) {
                    throw e.problem("reasons[" + i + "]", "'" + JsonFields.shorten(code) + "' is not a reason code."
                            + "\nMaybe check the list of reason codes in SCENARIOS.md.");
                }
                reasons.add(ReasonCode.valueOf(code));
            }
        }
        String state = e.text("state");
        if (state != null && !state.equals(Expectation.NONE)
                && Arrays.stream(RegistrationState.values()).noneMatch(s -> s.name().equals(state))) {
            throw e.problem("state", "'" + JsonFields.shorten(state) + "' is not a state. Known: " + KNOWN_STATES + ".");
        }
        return new Expectation(outcome, reasons, state);
    }

    /** The next JSON object of the file, skipping blank and comment lines; {@code null} at the end. */
    private JsonFields nextObject() {
        String text;
        while ((text = readLine()) != null) {
            String trimmed = text.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(trimmed);
            } catch (JsonProcessingException e) {
                throw new ScenarioFileException(lineNumber, null, "the line is not JSON: " + JsonFields.masked(e.getOriginalMessage()) + ".");
            }
            if (!node.isObject()) {
                throw new ScenarioFileException(lineNumber, null, "the line is JSON but not an object; each line holds one {...}.");
            }
            return new JsonFields(node, lineNumber, "");
        }
        return null;
    }

    private String readLine() {
        try {
            String line = in.next();
            if (line != null) {
                lineNumber = in.number();
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the scenario file failed after line " + lineNumber + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Closeable c, RuntimeException cause) {
        try {
            c.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    /** Closes the file. */
    @Override
    public void close() {
        FileProblems.close(in);
    }
}
