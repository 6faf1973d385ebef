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

    private ExportLines() {
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
     * @throws IOException when the file cannot be read
     */
    public static int read(Path file, Visitor visitor) throws IOException {
        byte[] buffer = new byte[1 << 20];
        int filled = 0;
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
                    }
                }
                System.arraycopy(buffer, lineStart, buffer, 0, filled - lineStart);
                filled -= lineStart;
                if (filled == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
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
