package org.enrollment.core.season;

import java.util.Objects;

/**
 * The checks on the season's text fields, which every store must be able to keep as given: a code is 1 to 64
 * printable characters without spaces; a name is 1 to 200 characters without control, format or separator
 * characters, lone surrogates or noncharacters. A NUL, for one, would be accepted in memory and refused by
 * PostgreSQL.
 */
final class SeasonText {

    private static final int MAX_CODE = 64;
    private static final int MAX_NAME = 200;

    private SeasonText() {
    }

    /** The code, checked; {@code what} names it in the message, e.g. {@code School code}. */
    static String code(String what, String value) {
        return checked(what, value, MAX_CODE, true);
    }

    /** The name, checked. */
    static String name(String what, String value) {
        return checked(what, value, MAX_NAME, false);
    }

    private static String checked(String what, String value, int max, boolean code) {
        Objects.requireNonNull(value, what);
        String problem = problem(value, max, code);
        if (problem != null) {
            throw new IllegalArgumentException(what + " '" + shown(value) + "' " + problem + ".");
        }
        return value;
    }

    private static String problem(String value, int max, boolean code) {
        if (value.isBlank()) {
            return "is blank";
        }
        if (value.codePointCount(0, value.length()) > max) {
            return "is longer than " + max + " characters";
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (!printable(c) || code && Character.isWhitespace(c)) {
                return String.format("holds the character U+%04X at %d, which is not %s", c, i, code ? "a printable non-space" : "printable");
            }
            i += Character.charCount(c);
        }
        return null;
    }

    private static boolean printable(int c) {
        int type = Character.getType(c);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR && type != Character.SURROGATE && type != Character.UNASSIGNED
                && type != Character.PRIVATE_USE;
    }

    /** The value for a message, with anything not printable as {@code \\uXXXX}, cut at 40 characters. */
    private static String shown(String value) {
        StringBuilder b = new StringBuilder();
        value.codePoints().limit(40).forEach(c -> {
            if (printable(c)) {
                b.appendCodePoint(c);
            } else {
                b.append(String.format("\\u%04X", c));
            }
        });
        return b.toString();
    }
}
