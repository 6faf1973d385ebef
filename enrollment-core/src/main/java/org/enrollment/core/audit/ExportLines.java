package org.enrollment.core.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads an audit export (审计日志导出) line by line as bytes, never decoding a line into text, so that a long
 * export is checked at the speed of its hash: what the hash chain's check and the transparency log's tree both read
 * an export with.
 */
public final class ExportLines {

    /**
     * The longest line read, 64 MiB: a line longer than that is refused rather than held, so that a hostile export
     * cannot exhaust the heap of whoever checks it. An entry of a simulated season is at most about 45 KB; one that
     * admits a whole school of a few thousand children, a few megabytes.
     */
    public static final int MAX_LINE_BYTES = 64 << 20;

    private ExportLines() {
    }

    /** A line of the file is longer than the reader holds: the file is not an export this library wrote. */
    public static final class LineTooLongException extends IOException {

        private static final long serialVersionUID = 1L;

        /** Line {@code line} (1-based) is longer than {@code max} bytes. */
        public LineTooLongException(long line, int max) {
            super(String.format("line %,d is longer than %,d bytes, longer than any entry an audit log writes", line, max));
        }
    }

    /** What is done with each line. */
    @FunctionalInterface
    public interface Visitor {

        /**
         * Takes the line in {@code bytes} from {@code start} to {@code end} (exclusive: at its newline, which is
         * not part of it); the array is reused for the next lines.
         *
         * @return whether to go on reading
         */
        boolean line(byte[] bytes, int start, int end);
    }

    /**
     * Gives each line of the file, in order, to the visitor until it says stop.
     *
     * @return the number of bytes after the file's last newline (0 when every line is ended), or -1 when the
     *         visitor stopped the reading
     * @throws LineTooLongException when a line is longer than {@link #MAX_LINE_BYTES}, naming it
     * @throws IOException when the file cannot be read
     */
    public static int read(Path file, Visitor visitor) throws IOException {
        return read(file, visitor, MAX_LINE_BYTES);
    }

    /** {@link #read(Path, Visitor)}, refusing a line longer than {@code maxLineBytes}. */
    static int read(Path file, Visitor visitor, int maxLineBytes) throws IOException {
        byte[] buffer = new byte[Math.min(1 << 20, maxLineBytes + 1)];
        int filled = 0;
        long lines = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer, filled, buffer.length - filled)) {
                int scanFrom = filled;
                filled += n;
                int lineStart = 0;
                for (int i = scanFrom; i < filled; i++) {
                    if (buffer[i] == '\n') {
                        if (!visitor.line(buffer, lineStart, i)) {
                            return -1;
                        }
                        lineStart = i + 1;
                        lines++;
                    }
                }
                System.arraycopy(buffer, lineStart, buffer, 0, filled - lineStart);
                filled -= lineStart;
                if (filled > maxLineBytes) {
                    throw new LineTooLongException(lines + 1, maxLineBytes);
                }
                if (filled == buffer.length) {
                    buffer = Arrays.copyOf(buffer, (int) Math.min((long) maxLineBytes + 1, buffer.length * 2L));
                }
            }
        }
        return filled;
    }

    /**
     * The length of the file up to its last line end: what is left when a last line torn by a crash is cut off.
     *
     * @throws IOException when the file cannot be read
     */
    public static long endOfLastLine(FileChannel channel) throws IOException {
        long keep = channel.size();
        for (ByteBuffer one = ByteBuffer.allocate(1); keep > 0; keep--) {
            one.clear();
            channel.read(one, keep - 1);
            if (one.get(0) == '\n') {
                break;
            }
        }
        return keep;
    }
}
