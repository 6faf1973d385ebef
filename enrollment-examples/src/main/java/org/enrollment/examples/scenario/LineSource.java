package org.enrollment.examples.scenario;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a file, read as bytes and decoded one line at a time, so that each line's number is exact and
 * no line longer than a bound is ever held: a line over the bound, or one that is not UTF-8, is a
 * {@link ScenarioFileException} naming its line, however long the line or the file. Lines end at {@code \n},
 * a {@code \r} before it is dropped.
 */
final class LineSource implements Closeable {

    private final InputStream in;
    private final int maxLineBytes;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    /** What was read of the file and not yet returned: {@code buffer[start..end)}. */
    private final byte[] buffer = new byte[65_536];
    private int start;
    private int end;
    private byte[] line = new byte[8192];
    private int number;

    LineSource(InputStream in, int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be 1 or more, was " + maxLineBytes + ".");
        }
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The number of the line {@link #next} returned last (1 for the first). */
    int number() {
        return number;
    }

    /**
     * The next line without its end, or {@code null} at the end of the file.
     *
     * @throws ScenarioFileException when the line is longer than the bound or not UTF-8
     */
    String next() throws IOException {
        if (start == end && !fill()) {
            return null;
        }
        number++;
        int length = 0;
        while (true) {
            int newline = indexOfNewline();
            int take = (newline < 0 ? end : newline) - start;
            if (take > maxLineBytes - length) {
                throw new ScenarioFileException(number, null, "the line is longer than " + maxLineBytes + " bytes."
                        + "\nMaybe the file is not a scenario file, or give a larger --max-line-bytes.");
            }
            if (length + take > line.length) {
                line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, Math.max(length + take, 2L * line.length)));
            }
            System.arraycopy(buffer, start, line, length, take);
            length += take;
            start += take;
            if (newline >= 0) {
                start++;
                break;
            }
            if (!fill()) {
                break;
            }
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return decoded(length);
    }

    private int indexOfNewline() {
        for (int i = start; i < end; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Reads more of the file into the empty buffer; {@code false} at the end of the file. */
    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        start = 0;
        end = Math.max(n, 0);
        return n > 0;
    }

    /**
     * The line's text. The JDK's own decoding is the fast one, but it replaces what is not UTF-8 with U+FFFD;
     * a line whose text has no U+FFFD was therefore UTF-8 throughout, and only one with it is decoded again,
     * strictly, to tell a U+FFFD written in the file from bytes that are not UTF-8.
     */
    private String decoded(int length) {
        String text = new String(line, 0, length, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        try {
            return utf8.decode(ByteBuffer.wrap(line, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new ScenarioFileException(number, null, "the line is not UTF-8 text.");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
