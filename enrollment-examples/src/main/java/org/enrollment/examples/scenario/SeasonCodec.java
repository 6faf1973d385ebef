package org.enrollment.examples.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.enrollment.core.season.CoBuildAgreement;
import org.enrollment.core.season.DistrictCatalog;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;

/**
 * The season object, the first of a scenario file, read into a {@link Season} over Beijing's sixteen
 * districts and written back. {@code boarding} defaults to false, {@code boardingGraceDays} to 0,
 * {@code cobuild} to none.
 */
final class SeasonCodec {

    /** Times are written in Beijing time, as the commission's systems show them. */
    static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    private SeasonCodec() {
    }

    /** The season described by the {@code season} object of the first line. */
    static Season read(JsonFields season) {
        int year = season.requiredInteger("year");
        if (year < Season.FIRST_YEAR || year > Season.LAST_YEAR) {
            throw season.problem("year", "must be " + Season.FIRST_YEAR + " to " + Season.LAST_YEAR + ", was " + year + ".");
        }
        Instant opens = season.requiredTime("opens").toInstant();
        Instant closes = season.requiredTime("closes").toInstant();
        if (!opens.isBefore(closes)) {
            throw season.problem("closes", "the window must close after it opens (" + time(opens) + ").");
        }
        Integer grace = season.integer("boardingGraceDays");
        if (grace != null && grace < 0) {
            throw season.problem("boardingGraceDays", "must be 0 or more, was " + grace + ".");
        }
        DistrictCatalog districts = DistrictCatalog.beijing();
        List<School> schools = new ArrayList<>();
        for (JsonFields s : season.requiredObjects("schools")) {
            String district = s.requiredText("district");
            if (!districts.contains(district)) {
                throw s.problem("district", "'" + JsonFields.shorten(district) + "' is not one of Beijing's 16 district codes."
                        + "\nMaybe use a code such as 110108 (海淀) or 110102 (西城).");
            }
            schools.add(valid(s, "plan", () -> new School(s.requiredText("code"), s.requiredText("name"), district,
                    s.requiredInteger("plan"), s.bool("boarding", false))));
        }
        List<CoBuildAgreement> agreements = new ArrayList<>();
        List<JsonFields> cobuild = season.objects("cobuild");
        if (cobuild != null) {
            for (JsonFields a : cobuild) {
                agreements.add(valid(a, "quota", () -> new CoBuildAgreement(a.requiredText("unit"), a.requiredText("school"),
                        a.requiredInteger("quota"))));
            }
        }
        try {
            return new Season(year, opens, closes, grace == null ? 0 : grace, districts, schools, agreements);
        } catch (IllegalArgumentException e) {
            throw new ScenarioFileException(season.line(), "season", e.getMessage());
        }
    }

    /** The {@code season} object for a season. */
    static ObjectNode write(Season season) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("year", season.year());
        s.put("opens", time(season.opens()));
        s.put("closes", time(season.closes()));
        s.put("boardingGraceDays", season.boardingGraceDays());
        ArrayNode schools = s.putArray("schools");
        for (School school : season.schools()) {
            ObjectNode o = schools.addObject();
            o.put("code", school.code());
            o.put("name", school.name());
            o.put("district", school.district());
            o.put("plan", school.plan());
            if (school.boarding()) {
                o.put("boarding", true);
            }
        }
        ArrayNode cobuild = s.putArray("cobuild");
        for (CoBuildAgreement a : season.agreements()) {
            cobuild.addObject().put("unit", a.unit()).put("school", a.school()).put("quota", a.quota());
        }
        return s;
    }

    /** An instant as a scenario file writes it, in Beijing time with its offset. */
    static String time(Instant at) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(BEIJING));
    }

    /**
     * Builds a part of the season; a value the domain refuses (a negative plan, a repeated code, a code with a
     * control character) is a file error, at the code or name field when the message is about it, else at
     * {@code field}.
     */
    private static <T> T valid(JsonFields where, String field, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            String at = m.startsWith("School code") ? (field.equals("quota") ? "school" : "code")
                    : m.startsWith("Co-build unit") ? "unit" : m.startsWith("Name of") ? "name" : field;
            throw where.problem(at, m);
        }
    }
}
