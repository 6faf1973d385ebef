package org.enrollment.core.audit;

import java.util.Collection;

/** The little JSON the audit log writes: strings and lists of strings, escaped so one entry is one line. */
final class Json {

    private Json() {
    }

    static void string(StringBuilder out, String s) {
        out.append('"');
        int plain = plainPrefix(s);
        out.append(s, 0, plain);
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || (c >= 0x7f && c <= 0x9f)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** How many characters at the start of {@code s} are written as they are: most strings, all of them. */
    private static int plainPrefix(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (needsEscape(s.charAt(i))) {
                return i;
            }
        }
        return s.length();
    }

    private static boolean needsEscape(char c) {
        return c == '"' || c == '\\' || c < 0x20 || c == 0x2028 || c == 0x2029 || (c >= 0x7f && c <= 0x9f);
    }

    static void strings(StringBuilder out, Collection<String> values) {
        out.append('[');
        boolean first = true;
        for (String v : values) {
            if (!first) {
                out.append(',');
            }
            string(out, v);
            first = false;
        }
        out.append(']');
    }
}
