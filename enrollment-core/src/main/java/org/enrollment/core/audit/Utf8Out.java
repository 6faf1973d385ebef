package org.enrollment.core.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growing buffer of UTF-8 bytes that an entry's body is written into, once per entry and reused: the bytes
 * {@link String#getBytes} would give of the same text (a lone surrogate as {@code ?}), without making the text
 * first.
 */
final class Utf8Out {

    private byte[] buf;
    private int size;

    Utf8Out(int capacity) {
        buf = new byte[capacity];
    }

    /** Empties the buffer, keeping its room. */
    void reset() {
        size = 0;
    }

    /** An ASCII character. */
    Utf8Out ascii(char c) {
        room(1);
        buf[size++] = (byte) c;
        return this;
    }

    /** Text known to be ASCII: field names, numbers. */
    Utf8Out ascii(String s) {
        int n = s.length();
        room(n);
        for (int i = 0; i < n; i++) {
            buf[size++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** A number in decimal. */
    Utf8Out number(long v) {
        return ascii(Long.toString(v));
    }

    /** The characters {@code from} (inclusive) to {@code to} (exclusive) of {@code s}, in UTF-8. */
    Utf8Out text(String s, int from, int to) {
        room(3 * (to - from));
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                buf[size++] = (byte) c;
            } else if (c < 0x800) {
                buf[size++] = (byte) (0xC0 | (c >> 6));
                buf[size++] = (byte) (0x80 | (c & 0x3F));
            } else if (!Character.isSurrogate(c)) {
                buf[size++] = (byte) (0xE0 | (c >> 12));
                buf[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[size++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[size++] = (byte) (0xF0 | (cp >> 18));
                buf[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[size++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                buf[size++] = '?';
            }
        }
        return this;
    }

    /** How many bytes it holds. */
    int size() {
        return size;
    }

    /** The buffer itself, valid to {@link #size()}; changed by the next write. */
    byte[] bytes() {
        return buf;
    }

    /** The bytes as text. */
    @Override
    public String toString() {
        return new String(buf, 0, size, StandardCharsets.UTF_8);
    }

    private void room(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(2 * buf.length, size + more));
        }
    }
}
