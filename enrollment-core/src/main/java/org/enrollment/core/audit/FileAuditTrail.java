package org.enrollment.core.audit;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The audit log as a JSON Lines file, one entry a line, exactly as {@link AuditTrail#export} writes it:
 * for a season too large to keep its log in memory, and for a log that outlives the process. Appends are
 * buffered and serialised; reads, {@link #head()} and {@link #verify} flush first. Only the offsets of the
 * lines are held in memory (8 bytes an entry).
 */
public final class FileAuditTrail implements AuditTrail, Closeable {

    private final Path file;
    private final FileChannel channel;
    private final OutputStream out;
    private final MessageDigest sha256 = AuditChain.sha256();
    private long[] offsets = new long[1024];
    private long size;
    private long end;
    private String lastHash = AuditChain.GENESIS;

    private FileAuditTrail(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    }

    /**
     * Opens the log in this file, creating it when absent. An existing file is read and checked first;
     * appends continue its chain.
     *
     * @throws IllegalStateException when the existing file does not check out, naming the first bad line
     * @throws UncheckedIOException when the file cannot be read or written
     */
    public static FileAuditTrail open(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileAuditTrail trail = new FileAuditTrail(file, channel);
            trail.load();
            return trail;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the audit log " + file + ".", e);
        }
    }

    private void load() throws IOException {
        String last = null;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                offsetAt(size, end);
                end += line.getBytes(StandardCharsets.UTF_8).length + 1;
                size++;
                last = line;
            }
        }
        if (size > 0) {
            AuditVerification v = verifyFile(new AuditHead(0, AuditChain.GENESIS));
            if (!v.intact()) {
                throw new IllegalStateException("The audit log " + file + " does not check out at entry " + v.firstBadIndex()
                        + ": " + v.problem() + ".\nMaybe it was altered; keep it as evidence and start a new file.");
            }
            lastHash = last.substring(last.lastIndexOf(AuditEntry.HASH_FIELD) + AuditEntry.HASH_FIELD.length(), last.length() - 2);
        }
        channel.position(end);
    }

    private void offsetAt(long index, long offset) {
        if (index >= offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        offsets[(int) index] = offset;
    }

    @Override
    public synchronized AuditEntry append(AuditRecord record) {
        AuditEntry e = AuditChain.seal(sha256, size, lastHash, record);
        byte[] line = (e.line() + '\n').getBytes(StandardCharsets.UTF_8);
        try {
            out.write(line);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot append to the audit log " + file + ".", ex);
        }
        offsetAt(size, end);
        end += line.length;
        size++;
        lastHash = e.hash();
        return e;
    }

    @Override
    public synchronized AuditHead head() {
        flush();
        return new AuditHead(size, lastHash);
    }

    @Override
    public synchronized List<AuditEntry> entries(long from, long to) {
        if (from < 0 || to > size || from > to) {
            throw new IndexOutOfBoundsException("Entries " + from + " to " + to + " of " + size + ".");
        }
        flush();
        if (from == to) {
            return List.of();
        }
        long start = offsets[(int) from];
        long stop = to == size ? end : offsets[(int) to];
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(stop - start));
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, start + buffer.position()) < 0) {
                    throw new IOException("unexpected end of file");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit log " + file + ".", e);
        }
        String text = new String(buffer.array(), StandardCharsets.UTF_8);
        List<AuditEntry> result = new ArrayList<>((int) (to - from));
        Iterator<String> lines = text.lines().iterator();
        AuditChain.entriesOf(lines).forEachRemaining(result::add);
        return result;
    }

    @Override
    public AuditVerification verify(AuditHead remembered) {
        synchronized (this) {
            flush();
        }
        return verifyFile(remembered);
    }

    private AuditVerification verifyFile(AuditHead remembered) {
        try {
            return AuditChain.verifyFile(file, remembered);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit log " + file + ".", e);
        }
    }

    private void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit log " + file + ".", e);
        }
    }

    /** Flushes and closes the file. */
    @Override
    public synchronized void close() {
        try {
            out.flush();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the audit log " + file + ".", e);
        }
    }
}
