package org.enrollment.examples.impact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.enrollment.examples.impact.Breakdown.Group;
import org.enrollment.examples.impact.SeasonImpact.Grouping;
import org.enrollment.examples.impact.SeasonImpact.Side;
import org.enrollment.examples.scenario.Funnel;
import org.enrollment.examples.scenario.Funnel.Stage;

/**
 * The impact for machines ({@code impact --json}): a JSON array with an object per season file, holding at
 * least {@code file}, {@code commandsChanged} and {@code childrenChanged}; children's IDs only masked.
 */
public final class ImpactJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ImpactJson() {
    }

    /** Writes the seasons' impact to the file. */
    public static void write(List<SeasonImpact> seasons, Path file) {
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        seasons.forEach(s -> all.add(toJson(s)));
        try {
            JSON.writeValue(file.toFile(), all);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** One season's impact as a JSON object. */
    public static ObjectNode toJson(SeasonImpact s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("file", s.file()).put("year", s.year()).put("comparedAt", s.comparedAt().toString())
                .put("commands", s.commands()).put("commandsChanged", s.commandsChanged())
                .put("childrenChanged", s.childrenChanged()).put("noLongerFiled", s.noLongerFiled())
                .put("newlyFiled", s.newlyFiled());
        o.set("baseline", side(s.baseline()));
        o.set("proposed", side(s.proposed()));
        ObjectNode changes = o.putObject("changes");
        for (Grouping g : List.of(Grouping.RULE, Grouping.REASON, Grouping.DISTRICT, Grouping.SCHOOL, Grouping.KIND)) {
            changes.set(g.jsonName(), groups(s.changes(g)));
        }
        ObjectNode children = o.putObject("children");
        for (Grouping g : List.of(Grouping.TRANSITION, Grouping.DISTRICT)) {
            children.set(g.jsonName(), groups(s.children(g)));
        }
        return o;
    }

    private static ObjectNode side(Side side) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("rules", side.origin()).put("fingerprint", side.fingerprint());
        o.set("funnel", funnel(side.funnel()));
        ObjectNode fired = o.putObject("rulesFired");
        new TreeMap<>(side.rulesFired()).forEach(fired::put);
        ArrayNode never = o.putArray("neverFired");
        side.neverFired().forEach(never::add);
        return o;
    }

    /** A funnel as JSON: a row per district (code, name, a count per stage) and the city's total. */
    public static ObjectNode funnel(Funnel f) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode rows = o.putArray("districts");
        for (int d = 0; d < f.districts().size(); d++) {
            ObjectNode row = rows.addObject().put("code", f.districts().get(d).code()).put("name", f.districts().get(d).name());
            for (Stage stage : Stage.values()) {
                row.put(stage.english(), f.count(d, stage));
            }
        }
        ObjectNode total = o.putObject("total");
        for (Stage stage : Stage.values()) {
            total.put(stage.english(), f.total(stage));
        }
        return o;
    }

    private static ArrayNode groups(List<Group> groups) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (Group g : groups) {
            ObjectNode o = a.addObject().put("key", g.key()).put("count", g.count());
            ArrayNode examples = o.putArray("examples");
            g.examples().forEach(examples::add);
        }
        return a;
    }
}
