package org.enrollment.core.audit;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The export lines of the in-memory audit log (审计日志行块), kept as UTF-8 bytes in blocks of {@value #BLOCK}
 * lines, each line ended by a newline, and no object per entry. A full block is deflated ({@link Deflater#BEST_SPEED})
 * by a daemon thread shared by every trail, which ends when idle; until then, and whenever that thread is behind,
 * the block is kept as it is (or deflated by the appending thread, when {@value #QUEUE} blocks wait already). A
 * season's lines take about a third of their size this way. Not safe for threads: the trail adds and takes
 * {@link #view()}s under its lock; a view is read without it, while lines are added.
 */
final class LineBlocks {

    /** Lines in a block: large enough to deflate well, small enough to inflate for one entry. */
    static final int BLOCK = 64;
    private static final int QUEUE = 16;
    private static final ThreadPoolExecutor PACKER = new ThreadPoolExecutor(0, 1, 2, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(QUEUE), LineBlocks::daemon, new ThreadPoolExecutor.CallerRunsPolicy());

    /**
     * One deflater per thread that packs, reused: a new one per block would cost its set-up, and keep the block
     * reachable until its cleaner ran.
     */
    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));
    private static final byte[] NOTHING = new byte[0];

    private final List<Block> blocks = new ArrayList<>();
    private final ByteArrayOutputStream open = new ByteArrayOutputStream(1 << 16);
    private long size;

    /** Adds the line {@code bytes[from, to)} (without its line end). */
    void add(byte[] bytes, int from, int to) {
        open.write(bytes, from, to - from);
        open.write('\n');
        if (++size % BLOCK == 0) {
            Block full = new Block(open.toByteArray());
            open.reset();
            blocks.add(full);
            PACKER.execute(full::pack);
        }
    }

    /** How many lines there are. */
    long size() {
        return size;
    }

    /** The lines as they are now, to read while more are added. */
    View view() {
        return new View(List.copyOf(blocks), size % BLOCK == 0 ? new byte[0] : open.toByteArray(), size);
    }

    /** The first {@code size} lines: the full blocks, and the lines of the open one. */
    record View(List<Block> blocks, byte[] open, long size) {

        /**
         * Gives the lines {@code from} to {@code to} (exclusive) to the visitor, in order, each without its line end.
         *
         * @return whether every line was given: the visitor did not say stop
         */
        boolean read(long from, long to, ExportLines.Visitor visitor) {
            if (from < 0 || to > size || from > to) {
                throw new IndexOutOfBoundsException("Entries " + from + " to " + to + " of " + size + ".");
            }
            for (long line = from; line < to; ) {
                int block = (int) (line / BLOCK);
                byte[] lines = block < blocks.size() ? blocks.get(block).lines() : open;
                int skip = (int) (line - (long) block * BLOCK);
                for (int i = 0, start = 0; i < lines.length && line < to; i++) {
                    if (lines[i] == '\n') {
                        if (skip > 0) {
                            skip--;
                        } else {
                            line++;
                            if (!visitor.line(lines, start, i)) {
                                return false;
                            }
                        }
                        start = i + 1;
                    }
                }
            }
            return true;
        }
    }

    /** One full block: its bytes until they are deflated, then the deflated form with the length before it. */
    static final class Block {

        private volatile byte[] raw;
        private volatile byte[] packed;
        private final int length;

        Block(byte[] raw) {
            this.raw = raw;
            this.length = raw.length;
        }

        void pack() {
            byte[] plain = raw;
            Deflater deflater = DEFLATERS.get();
            try {
                deflater.setInput(plain);
                deflater.finish();
                byte[] out = new byte[plain.length / 2 + 64];
                int n = 0;
                while (!deflater.finished()) {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    n += deflater.deflate(out, n, out.length - n);
                }
                packed = Arrays.copyOf(out, n);
                raw = null;
            } finally {
                deflater.reset();
                deflater.setInput(NOTHING);
            }
        }

        byte[] lines() {
            byte[] plain = raw;
            return plain != null ? plain : inflate(packed, length);
        }

        private static byte[] inflate(byte[] packed, int length) {
            Inflater inflater = new Inflater();
            try {
                inflater.setInput(packed);
                byte[] out = new byte[length];
                for (int n = 0; n < length; ) {
                    n += inflater.inflate(out, n, length - n);
                    if (inflater.finished() && n < length) {
                        throw new IllegalStateException("A block of the audit log inflated to " + n + " bytes, not " + length + ".");
                    }
                }
                return out;
            } catch (DataFormatException e) {
                throw new IllegalStateException("A block of the audit log held in memory does not inflate.", e);
            } finally {
                inflater.end();
            }
        }
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "audit-line-packer");
        t.setDaemon(true);
        return t;
    }
}
