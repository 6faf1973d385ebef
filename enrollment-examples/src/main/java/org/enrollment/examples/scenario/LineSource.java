package org.enrollment.examples.scenario;

import java.io.BufferedInputStream;
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
    private byte[] line = new byte[8192];
    private int number;

    LineSource(InputStream in, int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be 1 or more, was " + maxLineBytes + ".");
        }
        this.in = new BufferedInputStream(in, 65_536);
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
        int length = 0;
        int b = in.read();
        if (b < 0) {
            return null;
        }
        number++;
        while (b >= 0 && b != '\n') {
            if (length == maxLineBytes) {
                throw new ScenarioFileException(number, null, "the line is longer than " + maxLineBytes + " bytes."
                        + "\nMaybe the file is not a scenario file, or give a larger --max-line-bytes.");
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, 2L * line.length));
            }
            line[length++] = (byte) b;
            b = in.read();
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
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
