package org.enrollment.examples.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.enrollment.core.child.ResidentId;

/**
 * The fields of one JSON object of a scenario file, read with their JSON type checked: a field of the wrong
 * type is a file error naming the line and the field; an absent field (or JSON {@code null}) reads as
 * {@code null}. Fields the reader does not ask for are tolerated: the format may be extended.
 */
final class JsonFields {

    private static final Pattern ID_LIKE = Pattern.compile("\\d{14,17}[0-9Xx]?");

    private final JsonNode node;
    private final int line;
    private final String prefix;

    JsonFields(JsonNode node, int line, String prefix) {
        this.node = Objects.requireNonNull(node, "node");
        this.line = line;
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    int line() {
        return line;
    }

    /** The text of an optional field, or {@code null}. */
    String text(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw wrongType(name, v, "text");
        }
        return v.textValue();
    }

    /** The text of a field that must be there. */
    String requiredText(String name) {
        String v = text(name);
        if (v == null) {
            throw missing(name, "text");
        }
        return v;
    }

    /** A time with offset, as ISO-8601 writes it, e.g. {@code 2014-05-05T09:00:00+08:00}. */
    OffsetDateTime requiredTime(String name) {
        String v = requiredText(name);
        try {
            return time(v);
        } catch (DateTimeParseException e) {
            throw new ScenarioFileException(line, prefix + name, "'" + shorten(v) + "' is not an ISO-8601 time with an offset."
                    + "\nMaybe write it like 2014-05-05T09:00:00+08:00.");
        }
    }

    /**
     * Parses an ISO-8601 time with an offset, as {@link OffsetDateTime#parse} does: the shape every line of a
     * season file has, {@code 2014-05-05T09:00:00+08:00}, read by hand (the JDK's parser took a tenth of an impact
     * replay's reading), anything else (a fraction, {@code Z}, a bad value) by the JDK's parser, which words the error.
     */
    static OffsetDateTime time(String text) {
        if (text.length() == 25 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(22) == ':'
                && (text.charAt(19) == '+' || text.charAt(19) == '-')) {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            int offsetHours = digits(text, 20, 2);
            int offsetMinutes = digits(text, 23, 2);
            if ((year | month | day | hour | minute | second | offsetHours | offsetMinutes) >= 0) {
                int sign = text.charAt(19) == '-' ? -1 : 1;
                try {
                    return OffsetDateTime.of(year, month, day, hour, minute, second, 0,
                            ZoneOffset.ofHoursMinutes(sign * offsetHours, sign * offsetMinutes));
                } catch (DateTimeException e) {
                    // out of range: the JDK's parser refuses it in its own words
                }
            }
        }
        return OffsetDateTime.parse(text);
    }

    /** The number the ASCII digits at {@code from} spell, or -1 when one is not a digit. */
    private static int digits(String text, int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = 10 * n + (c - '0');
        }
        return n;
    }

    /** A whole number that fits an {@code int}, or {@code null} when absent. */
    Integer integer(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return null;
        }
        if (v.isNumber() && !(v.isIntegralNumber() && v.canConvertToInt())) {
            throw problem(name, "must be a whole number that fits 32 bits, was " + (v.isIntegralNumber() ? "one too large." : "a fraction."));
        }
        if (!v.isIntegralNumber()) {
            throw wrongType(name, v, "a whole number");
        }
        return v.intValue();
    }

    /** A whole number that must be there. */
    int requiredInteger(String name) {
        Integer v = integer(name);
        if (v == null) {
            throw missing(name, "a whole number");
        }
        return v;
    }

    /** {@code true} or {@code false}, or the default when absent. */
    boolean bool(String name, boolean absent) {
        JsonNode v = value(name);
        if (v == null) {
            return absent;
        }
        if (!v.isBoolean()) {
            throw wrongType(name, v, "true or false");
        }
        return v.booleanValue();
    }

    /** A list of texts, or {@code null} when absent. */
    List<String> texts(String name) {
        JsonNode v = array(name);
        if (v == null) {
            return null;
        }
        List<String> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isTextual()) {
                throw wrongType(name + "[" + i + "]", item, "text");
            }
            out.add(item.textValue());
        }
        return out;
    }

    /** A list of objects, each read with its own fields, or {@code null} when absent. */
    List<JsonFields> objects(String name) {
        JsonNode v = array(name);
        if (v == null) {
            return null;
        }
        List<JsonFields> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isObject()) {
                throw wrongType(name + "[" + i + "]", item, "an object");
            }
            out.add(new JsonFields(item, line, prefix + name + "[" + i + "]."));
        }
        return out;
    }

    /** A list of objects that must be there. */
    List<JsonFields> requiredObjects(String name) {
        List<JsonFields> v = objects(name);
        if (v == null) {
            throw missing(name, "a list");
        }
        return v;
    }

    /** An object field, or {@code null} when absent. */
    JsonFields object(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            throw wrongType(name, v, "an object");
        }
        return new JsonFields(v, line, prefix + name + ".");
    }

    /** Whether the field is there (and not JSON {@code null}). */
    boolean has(String name) {
        return value(name) != null;
    }

    /** A file error about this field with a problem of the caller's. */
    ScenarioFileException problem(String name, String problem) {
        return new ScenarioFileException(line, prefix + name, problem);
    }

    private JsonNode array(String name) {
        JsonNode v = value(name);
        if (v != null && !v.isArray()) {
            throw wrongType(name, v, "a list");
        }
        return v;
    }

    private JsonNode value(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    private ScenarioFileException wrongType(String name, JsonNode v, String expected) {
        return new ScenarioFileException(line, prefix + name, "must be " + expected + ", was " + describe(v) + ".");
    }

    private ScenarioFileException missing(String name, String expected) {
        return new ScenarioFileException(line, prefix + name, "is missing; it must be " + expected + ".");
    }

    /** The JSON type of a value, without showing the value (it may be a resident ID). */
    private static String describe(JsonNode v) {
        if (v.isTextual()) {
            return "text";
        } else if (v.isNumber()) {
            return "a number";
        } else if (v.isBoolean()) {
            return "a boolean";
        } else if (v.isArray()) {
            return "a list";
        } else if (v.isObject()) {
            return "an object";
        }
        return v.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** Text with anything that looks like a resident ID masked, for messages. */
    static String masked(String text) {
        return ID_LIKE.matcher(text).replaceAll(m -> ResidentId.mask(m.group()));
    }

    /** Text for a message: what looks like a resident ID masked (a date or time is not one), cut at 60 characters. */
    static String shorten(String text) {
        String safe = masked(text);
        return safe.length() > 60 ? safe.substring(0, 60) + "…" : safe;
    }
}
