package org.enrollment.core.audit;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.enrollment.core.audit.tlog.CheckpointStore;
import org.enrollment.core.audit.tlog.CheckpointFile;
import org.enrollment.core.audit.tlog.LogTree;
import org.enrollment.core.audit.tlog.MerkleTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log as a JSON Lines file, one entry a line, exactly as {@link AuditTrail#export} writes it: the
 * journal of the embedded durable mode, and a log too large to keep in memory.
 *
 * <p>An append returns only once its line is forced to the disk ({@link Durability}): appends waiting while a
 * force runs share the next one (group commit). When the write or the force fails (a full disk, an I/O error),
 * the append throws {@link UncheckedIOException}, and so does every append that was waiting on the same force:
 * none of them is in the log, which is cut back to its last durable entry. {@link #head()}, {@link #entries} and
 * {@link #tree()} show the durable entries; offsets and tree in memory, checkpoints in a file beside it
 * ({@link CheckpointFile#besideJournal}, checked on open). A last line without its line end (torn by a crash
 * before its force, so never acknowledged) is cut off on open.
 */
public final class FileAuditTrail implements AuditTrail, Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(FileAuditTrail.class);
    private final Path file;
    private final FileChannel channel;
    private final long boundNanos;
    private final boolean toDisk;
    private final MessageDigest sha256 = AuditChain.sha256();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition forced = lock.newCondition();
    private final Condition joined = lock.newCondition();
    private final MerkleTree tree = new MerkleTree();
    private CheckpointFile checkpoints;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(1 << 12);
    private long[] offsets = new long[1024];
    private long size;
    private long end;
    private String lastHash = AuditChain.GENESIS;
    private long durableSize;
    private long durableEnd;
    private String durableHash = AuditChain.GENESIS;
    private boolean forcing;
    private long epoch;
    private IOException failure;

    private FileAuditTrail(Path file, FileChannel channel, Durability durability) {
        this.file = file;
        this.channel = channel;
        this.boundNanos = durability.bound().toNanos();
        this.toDisk = durability.forced();
    }

    /** Opens the log in this file, every append forced to the disk ({@link Durability#always()}). */
    public static FileAuditTrail open(Path file) {
        return open(file, Durability.always());
    }

    /**
     * Opens the log in this file, creating it when absent. An existing file is read and checked first;
     * appends continue its chain.
     *
     * @throws IllegalStateException when the existing file does not check out, naming the first bad line
     * @throws UncheckedIOException when the file cannot be read or written
     */
    public static FileAuditTrail open(Path file, Durability durability) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(durability, "durability");
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileAuditTrail trail = new FileAuditTrail(file, channel, durability);
            trail.load();
            trail.checkpoints = CheckpointFile.besideJournal(file, trail.tree);
            return trail;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the audit log " + file + ".", e);
        }
    }

    private void load() throws IOException {
        long keep = ExportLines.endOfLastLine(channel);
        if (keep < channel.size()) { // a last line without its line end: its append never returned
            LOG.warn("The audit log {} ended in {} bytes of a line never acknowledged; cut off.", file, channel.size() - keep);
            channel.truncate(keep).force(false);
        }
        String[] last = {AuditChain.GENESIS};
        ExportLines.read(file, (bytes, start, stop) -> {
            offsetAt(size, end);
            end += stop - start + 1;
            size++;
            tree.appendEntry(bytes, start, stop);
            last[0] = stop - start < 66 ? "" : new String(bytes, stop - 66, 64, StandardCharsets.US_ASCII);
            return true;
        });
        AuditVerification v = AuditChain.verifyFile(file, new AuditHead(0, AuditChain.GENESIS));
        if (!v.intact()) {
            throw new IllegalStateException("The audit log " + file + " does not check out at entry " + v.firstBadIndex()
                    + ": " + v.problem() + ".\nMaybe it was altered; keep it as evidence and start a new file.");
        }
        lastHash = durableHash = last[0];
        durableSize = size;
        durableEnd = end;
    }

    private void offsetAt(long index, long offset) {
        offsets = index < offsets.length ? offsets : Arrays.copyOf(offsets, offsets.length * 2);
        offsets[(int) index] = offset;
    }

    /**
     * Appends the record as the next entry and returns it once the entry is on the disk.
     * @throws UncheckedIOException when the entry could not be written or forced; it is not in the log
     */
    @Override
    public AuditEntry append(AuditRecord record) {
        lock.lock();
        try {
            AuditChain.Sealed sealed = AuditChain.sealLine(sha256, size, lastHash.getBytes(StandardCharsets.US_ASCII), record);
            pending.writeBytes(sealed.line());
            pending.write('\n');
            offsetAt(size, end);
            end += sealed.line().length + 1;
            size++;
            lastHash = sealed.hash();
            awaitDurable(size, epoch);
            return sealed.entry();
        } finally {
            lock.unlock();
        }
    }

    /** Waits, holding the lock, until the first {@code count} entries are durable; leads a force when none runs. */
    private void awaitDurable(long count, long myEpoch) {
        while (durableSize < count) {
            if (epoch != myEpoch) {
                throw new UncheckedIOException("Cannot append to the audit log " + file + "; the entry is not in it.", failure);
            }
            if (forcing) {
                forced.awaitUninterruptibly();
                continue;
            }
            forcing = true;
            try {
                for (long left = boundNanos; left > 0; ) {
                    left = joined.awaitNanos(left);
                }
                force();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                force();
            } finally {
                forcing = false;
                forced.signalAll();
            }
        }
    }

    /** Writes and forces what is pending, outside the lock; on failure cuts the log back to its durable entries. */
    private void force() {
        byte[] batch = pending.toByteArray();
        pending.reset();
        long upTo = size;
        long upToEnd = end;
        String upToHash = lastHash;
        long at = durableEnd;
        IOException failed = null;
        lock.unlock();
        try {
            for (ByteBuffer buffer = ByteBuffer.wrap(batch); buffer.hasRemaining(); ) {
                channel.write(buffer, at + buffer.position());
            }
            if (toDisk) {
                channel.force(false);
            }
        } catch (IOException e) {
            failed = e;
        } finally {
            lock.lock();
        }
        if (failed == null) {
            tree.appendLines(batch, 0, batch.length);
            durableSize = upTo;
            durableEnd = upToEnd;
            durableHash = upToHash;
            return;
        }
        LOG.error("Appending to the audit log {} failed ({}); {} entries not written.", file, failed.toString(), size - durableSize);
        epoch++;
        failure = failed;
        size = durableSize;
        end = durableEnd;
        lastHash = durableHash;
        pending.reset();
        try {
            channel.truncate(durableEnd);
        } catch (IOException e) {
            failed.addSuppressed(e);
        }
    }

    @Override
    public AuditHead head() {
        lock.lock();
        try {
            return new AuditHead(durableSize, durableHash);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<AuditEntry> entries(long from, long to) {
        long start;
        long stop;
        lock.lock();
        try {
            if (from < 0 || to > durableSize || from > to) {
                throw new IndexOutOfBoundsException("Entries " + from + " to " + to + " of " + durableSize + ".");
            }
            if (from == to) {
                return List.of();
            }
            start = offsets[(int) from];
            stop = to == durableSize ? durableEnd : offsets[(int) to];
        } finally {
            lock.unlock();
        }
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
        List<AuditEntry> result = new ArrayList<>((int) (to - from));
        AuditChain.entriesOf(new String(buffer.array(), StandardCharsets.UTF_8).lines().iterator()).forEachRemaining(result::add);
        return result;
    }

    @Override
    public LogTree tree() {
        return tree;
    }

    @Override
    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    /** Checks the file against a remembered head; appends wait meanwhile. */
    @Override
    public AuditVerification verify(AuditHead remembered) {
        lock.lock();
        try {
            while (forcing) {
                forced.awaitUninterruptibly();
            }
            return AuditChain.verifyFile(file, remembered);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit log " + file + ".", e);
        } finally {
            lock.unlock();
        }
    }

    /** Closes the file; every entry appended is already on the disk. */
    @Override
    public void close() {
        lock.lock();
        try {
            while (forcing) {
                forced.awaitUninterruptibly();
            }
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the audit log " + file + ".", e);
        } finally {
            lock.unlock();
        }
    }
}
