package org.enrollment.examples.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.season.Season;

/**
 * Writes a scenario file line by line, as {@link ScenarioReader} reads it: the season first, then each
 * command as it happens. It streams; nothing is held but the current line.
 */
public final class ScenarioWriter implements Closeable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Writer out;

    /**
     * Starts a scenario file with a comment and the season.
     *
     * @param out where the lines go; closed with this writer
     * @param comment a first comment line (without {@code #}), or {@code null}
     */
    public ScenarioWriter(Writer out, Season season, String comment) {
        this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16);
        if (comment != null) {
            append("# " + comment.replace('\n', ' '));
        }
        ObjectNode first = JsonNodeFactory.instance.objectNode();
        first.set("season", SeasonCodec.write(Objects.requireNonNull(season, "season")));
        append(json(first));
    }

    /** Appends a command line. */
    public void write(ScenarioCommand c) {
        append(json(toJson(c)));
    }

    /** The command as its line's JSON object. */
    static ObjectNode toJson(ScenarioCommand c) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(c.at()));
        line.put("as", c.actor());
        line.put("do", c.command().kind().text());
        CommandCodec.write(c.command(), line);
        if (!c.expect().isNothing()) {
            line.set("expect", toJson(c.expect()));
        }
        return line;
    }

    /** An expectation as the {@code expect} object writes it; reasons in their code order. */
    static ObjectNode toJson(Expectation e) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (e.outcome() != null) {
            o.put("outcome", e.outcome().name());
        }
        if (e.reasons() != null) {
            ArrayNode reasons = o.putArray("reasons");
            e.reasons().stream().sorted().map(ReasonCode::name).forEach(reasons::add);
        }
        if (e.state() != null) {
            o.put("state", e.state());
        }
        return o;
    }

    static String json(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written: " + e.getOriginalMessage(), e);
        }
    }

    private void append(String line) {
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the scenario file failed: " + e.getMessage(), e);
        }
    }

    /** Flushes and closes the file. */
    @Override
    public void close() {
        FileProblems.close(out);
    }
}
