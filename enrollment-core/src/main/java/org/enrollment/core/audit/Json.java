package org.enrollment.core.audit;

import java.util.Collection;

/**
 * The little JSON the audit log writes, straight into UTF-8 bytes: strings and lists of strings, escaped so one
 * entry is one line.
 */
final class Json {

    private Json() {
    }

    static void string(Utf8Out out, String s) {
        out.ascii('"');
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (needsEscape(c)) {
                out.text(s, from, i);
                switch (c) {
                    case '"' -> out.ascii("\\\"");
                    case '\\' -> out.ascii("\\\\");
                    case '\n' -> out.ascii("\\n");
                    case '\r' -> out.ascii("\\r");
                    case '\t' -> out.ascii("\\t");
                    default -> out.ascii(String.format("\\u%04x", (int) c));
                }
                from = i + 1;
            }
        }
        out.text(s, from, s.length()).ascii('"');
    }

    private static boolean needsEscape(char c) {
        return c == '"' || c == '\\' || c < 0x20 || c == 0x2028 || c == 0x2029 || (c >= 0x7f && c <= 0x9f);
    }

    static void strings(Utf8Out out, Collection<String> values) {
        out.ascii('[');
        boolean first = true;
        for (String v : values) {
            if (!first) {
                out.ascii(',');
            }
            string(out, v);
            first = false;
        }
        out.ascii(']');
    }
}
