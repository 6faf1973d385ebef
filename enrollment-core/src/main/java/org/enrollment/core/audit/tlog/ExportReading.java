package org.enrollment.core.audit.tlog;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.ReentrantLock;
import org.enrollment.core.audit.ExportLines;

/**
 * One reading of an export for its root (一次读取), on several threads: the file is cut into chunks of a fixed
 * number of bytes, a chunk owning the lines that start in it; each thread takes the next chunk, copies it from the
 * mapped file into its buffer at once (and its last line's tail, piece by piece when long, so that no line is held whole), finds its
 * line ends eight bytes at a time and hashes its leaves; the chunks' leaves are folded in the file's order into a
 * {@link CompactRange} by whichever thread hands in the next one, so that the folding's interior hashes are shared
 * out as well.
 */
final class ExportReading {

    /** What a chunk's read takes past its end, so that its last line is read with it unless it is long. */
    private static final int SLACK = 64 << 10;
    /** The file is mapped in segments of 1 GiB, each a buffer longer, so that every read lies in one of them. */
    private static final long SEGMENT = 1L << 30;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long NEWLINES = ONES * '\n';
    private static final long HIGHS = ONES << 7;


    private final MappedByteBuffer[] segments;
    private final long length;
    private final long size;
    private final int chunk;
    private final int maxLineBytes;
    private final AtomicLong claimed = new AtomicLong();
    private final AtomicReferenceArray<Leaves> handedIn;
    private final ReentrantLock folding = new ReentrantLock();
    private final CompactRange range = new CompactRange(Hash.sha256());
    private volatile int folded;
    private volatile Exception failure;
    private long entries;
    private boolean cutOff;

    ExportReading(FileChannel channel, long size, int chunk, int maxLineBytes) throws IOException {
        this.length = channel.size();
        this.size = size;
        this.chunk = chunk;
        this.segments = new MappedByteBuffer[Math.toIntExact((length + SEGMENT - 1) / SEGMENT)];
        for (int k = 0; k < segments.length; k++) {
            long from = k * SEGMENT;
            segments[k] = channel.map(FileChannel.MapMode.READ_ONLY, from, Math.min(SEGMENT + chunk + SLACK, length - from));
        }
        this.maxLineBytes = maxLineBytes;
        this.handedIn = new AtomicReferenceArray<>(Math.toIntExact((length + chunk - 1) / chunk));
    }

    ExportRoot run(int threads) throws IOException {
        List<Thread> helpers = new ArrayList<>();
        for (int i = 1; i < threads && i < handedIn.length(); i++) {
            Thread helper = new Thread(this::work, "export-root-" + i);
            helper.setDaemon(true);
            helper.start();
            helpers.add(helper);
        }
        work();
        try {
            for (Thread helper : helpers) {
                helper.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new InterruptedIOException("Interrupted while reading the export.");
            throw (InterruptedIOException) failure;
        }
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure != null) {
            throw (RuntimeException) failure;
        }
        return new ExportRoot(entries, cutOff, range.root());
    }

    /** Hashes chunks until none is left or a thread failed. */
    private void work() {
        try {
            Hasher hasher = new Hasher();
            for (long c = claimed.getAndIncrement(); c < handedIn.length() && failure == null; c = claimed.getAndIncrement()) {
                handIn((int) c, hasher.leaves(c));
            }
        } catch (IOException | RuntimeException e) {
            failure = e;
        } catch (InternalError e) {
            // What reading a mapping past the end of a file cut shorter gives, also a little after the read itself.
            failure = new IOException("The file got shorter while it was read: it was " + length + " bytes when the reading began.", e);
        }
    }

    /** Keeps a chunk's leaves and folds every chunk that is next in order, unless another thread is at it. */
    private void handIn(int c, Leaves leaves) {
        handedIn.set(c, leaves);
        while (failure == null && nextIsHandedIn() && folding.tryLock()) {
            try {
                for (Leaves next; failure == null && folded < handedIn.length() && (next = handedIn.get(folded)) != null; folded++) {
                    handedIn.set(folded, null);
                    fold(next);
                }
            } finally {
                folding.unlock();
            }
        }
    }

    /** Whether the next chunk to fold is handed in; {@code folded} read once, since another thread may move it on. */
    private boolean nextIsHandedIn() {
        int next = folded;
        return next < handedIn.length() && handedIn.get(next) != null;
    }

    private void fold(Leaves leaves) {
        if (leaves.tooLong()) {
            failure = new ExportLines.LineTooLongException(entries + leaves.count() + 1, maxLineBytes);
        }
        for (int i = 0; i < leaves.count() && range.size() < size; i++) {
            range.append(leaves.hashes(), i * Hash.LENGTH);
        }
        entries += leaves.count();
        cutOff |= leaves.cutOff();
    }

    /** A thread's buffer and digest: hashes the lines that start in a chunk. */
    private final class Hasher {

        private final byte[] buffer = new byte[chunk + SLACK];
        private final MappedByteBuffer[] mapped = Arrays.stream(segments).map(MappedByteBuffer::duplicate).toArray(MappedByteBuffer[]::new);
        private final MessageDigest sha = Hash.sha256();
        private long windowStart;
        private int window;
        private boolean lastCutOff;
        private boolean lastTooLong;

        Leaves leaves(long c) throws IOException {
            long begin = c * chunk;
            long end = Math.min(begin + chunk, length);
            long line = begin;
            if (begin > 0) {
                fill(begin - 1);
                int newline = newline(buffer, 0, (int) (end - begin));
                if (newline < 0) {
                    return Leaves.NONE;
                }
                line = begin + newline;
            } else {
                fill(0);
            }
            byte[] hashes = new byte[Hash.LENGTH * (1 + chunk / 512)];
            int count = 0;
            lastCutOff = false;
            lastTooLong = false;
            while (line < end) {
                if ((count + 1) * Hash.LENGTH > hashes.length) {
                    hashes = Arrays.copyOf(hashes, 2 * hashes.length);
                }
                line = hash(line, hashes, count * Hash.LENGTH);
                if (line < 0) {
                    break;
                }
                count++;
            }
            return new Leaves(count, hashes, lastCutOff, lastTooLong);
        }

        /**
         * Hashes the leaf of the line that starts at {@code start} into {@code hashes[at]}: from the window when
         * the line ends in it, else piece by piece, so that a long line is never held whole.
         *
         * @return where the next line starts, or -1 when this line has no end or is too long (then not hashed)
         */
        private long hash(long start, byte[] hashes, int at) throws IOException {
            int from = (int) (start - windowStart);
            int newline = from < window ? newline(buffer, from, window) : -1;
            sha.update((byte) 0);
            if (newline >= 0 && newline - from <= maxLineBytes) {
                sha.update(buffer, from, withoutCr(from, newline) - from);
                digestInto(hashes, at);
                return windowStart + newline + 1;
            }
            for (long next = start, stale = windowStart + window; ; stale = next) {
                if (next >= stale) {
                    if (next >= length) {
                        sha.reset();
                        lastCutOff = true;
                        return -1;
                    }
                    fill(next);
                }
                from = (int) (next - windowStart);
                newline = newline(buffer, from, window);
                if (windowStart + (newline >= 0 ? newline : window) - start > maxLineBytes) {
                    sha.reset();
                    lastTooLong = true;
                    return -1;
                }
                if (newline >= 0) {
                    sha.update(buffer, from, withoutCr(from, newline) - from);
                    digestInto(hashes, at);
                    return windowStart + newline + 1;
                }
                int piece = windowStart + window < length && buffer[window - 1] == '\r' ? window - 1 : window;
                sha.update(buffer, from, piece - from);
                next = windowStart + piece;
            }
        }

        /** The end of a line that ends at {@code newline}, a CR before it dropped. */
        private int withoutCr(int from, int newline) {
            return newline > from && buffer[newline - 1] == '\r' ? newline - 1 : newline;
        }

        /**
         * Copies the file from {@code position} into the buffer, as far as it holds or the file goes: one copy from
         * the page cache, where a positional read makes two.
         */
        private void fill(long position) throws IOException {
            int read = (int) Math.min(buffer.length, length - position);
            mapped[(int) (position / SEGMENT)].get((int) (position % SEGMENT), buffer, 0, read);
            windowStart = position;
            window = read;
        }

        private void digestInto(byte[] hashes, int at) {
            try {
                sha.digest(hashes, at, Hash.LENGTH);
            } catch (DigestException e) {
                throw new IllegalStateException("SHA-256 refused a 32-byte output buffer.", e);
            }
        }
    }

    /** The index of the first newline in {@code bytes[from, to)}, eight bytes at a time, or -1. */
    static int newline(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) LONGS.get(bytes, i) ^ NEWLINES;
            long zeros = (x - ONES) & ~x & HIGHS;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The leaf hashes of a chunk's lines, and how its last line ended. */
    private record Leaves(int count, byte[] hashes, boolean cutOff, boolean tooLong) {

        static final Leaves NONE = new Leaves(0, new byte[0], false, false);
    }
}
