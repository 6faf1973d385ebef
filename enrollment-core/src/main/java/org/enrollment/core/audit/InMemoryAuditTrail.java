package org.enrollment.core.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.enrollment.core.audit.tlog.CheckpointStore;
import org.enrollment.core.audit.tlog.Checkpoints;
import org.enrollment.core.audit.tlog.Hash;
import org.enrollment.core.audit.tlog.LogTree;
import org.enrollment.core.audit.tlog.MerkleTree;

/**
 * The audit log held in memory, for the in-memory store. {@link #add} gives the record its sequence number and
 * queues it, under one lock (the chain is the order of the adds, from however many threads); a sealer thread
 * (审计封存线程) builds each entry's body, seals its state, chains it, and adds its leaf to the tree and its line to
 * the {@link LineBlocks}, off the caller's thread. Every read ({@link #head}, {@link #entries}, {@link #tree}'s
 * nodes, {@link #verify}, {@link #export}) first waits until the sealer has caught up with every add made before it
 * began, so a reader sees the log as if each add had been sealed at once. A failure on the sealer is thrown, as
 * it was thrown there, by every later read, and by every add once it is known. The sealer is a daemon from a
 * shared pool, started once a batch of records waits or a reader waits for fewer, running until none waits; it
 * holds the trail only while it runs. The entries are kept as their export lines, deflated in
 * blocks, and made {@link AuditEntry} objects only when read: a season of 713,106 entries takes about 270 MB. The
 * tree and the checkpoints are kept in memory too.
 */
public final class InMemoryAuditTrail implements AuditTrail {

    /** Records that may wait for the sealer; an add waits while this many do. */
    static final int QUEUE = 4096;
    /** Records the sealer takes at once, and publishes together. */
    private static final int BATCH = 256;
    private static final ThreadPoolExecutor SEALERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 2, TimeUnit.SECONDS,
            new SynchronousQueue<>(), InMemoryAuditTrail::daemon);

    private final Object lock = new Object();
    private final ArrayDeque<AuditRecord> waiting = new ArrayDeque<>();
    private final LineBlocks lines = new LineBlocks();
    private final MerkleTree tree = new MerkleTree();
    private final LogTree caughtUpTree = new CaughtUpTree();
    private final Checkpoints checkpoints = new Checkpoints();
    /** Sequence numbers given out; guarded by the lock, as all the fields below but the sealer's own. */
    private long issued;
    private boolean sealing;
    private Throwable failure;
    private String headHash = AuditChain.GENESIS;
    /** The sealer's own (one runs at a time): the digest, the last entry's hash as ASCII hex, the body and batch buffers. */
    private final MessageDigest sha256 = AuditChain.sha256();
    private final byte[] lastHash = AuditChain.GENESIS.getBytes(StandardCharsets.US_ASCII);
    private final Utf8Out body = new Utf8Out(1024);
    private final List<AuditRecord> batch = new ArrayList<>(BATCH);
    private final List<byte[]> sealed = new ArrayList<>(BATCH);

    /** An empty log. */
    public InMemoryAuditTrail() {
    }

    /** Gives the record the next sequence number and queues it for the sealer, waiting while the queue is full. */
    @Override
    public long add(AuditRecord record) {
        synchronized (lock) {
            failIfBroken();
            awaitUntil(() -> waiting.size() < QUEUE || failure != null);
            failIfBroken();
            waiting.add(record);
            if (waiting.size() >= BATCH) {
                startSealer();
            }
            return issued++;
        }
    }

    /**
     * Starts the sealer, under the lock, unless it runs or nothing waits: once a batch waits, or a reader waits
     * for what does. Not at every add: a sealer that keeps up would then be woken (and go idle) once a command.
     */
    private void startSealer() {
        if (!sealing && !waiting.isEmpty()) {
            sealing = true;
            SEALERS.execute(this::seal);
        }
    }

    /** Adds the record and waits for its entry. */
    @Override
    public AuditEntry append(AuditRecord record) {
        long sequence = add(record);
        return entries(sequence, sequence + 1).get(0);
    }

    @Override
    public AuditHead head() {
        synchronized (lock) {
            caughtUp();
            return new AuditHead(lines.size(), headHash);
        }
    }

    @Override
    public List<AuditEntry> entries(long from, long to) {
        List<AuditEntry> out = new ArrayList<>((int) Math.max(0, Math.min(to - from, LineBlocks.BLOCK * 16L)));
        view().read(from, to, (bytes, start, end) -> out.add(AuditChain.parseLine(new String(bytes, start, end - start, StandardCharsets.UTF_8))));
        return out;
    }

    private LineBlocks.View view() {
        synchronized (lock) {
            caughtUp();
            return lines.view();
        }
    }

    /** The tree, each read of which waits until the sealer has caught up with the adds made before it. */
    @Override
    public LogTree tree() {
        return caughtUpTree;
    }

    @Override
    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    @Override
    public AuditVerification verify(AuditHead remembered) {
        LineBlocks.View view = view();
        try {
            return AuditChain.verifyLines(visitor -> view.read(0, view.size(), visitor) ? 0 : -1, remembered);
        } catch (IOException e) {
            throw new UncheckedIOException("Lines held in memory cannot fail to be read.", e);
        }
    }

    /** Writes the lines as they are kept, without taking them apart into entries first. */
    @Override
    public void export(Appendable out) {
        LineBlocks.View view = view();
        IOException[] failed = {null};
        view.read(0, view.size(), (bytes, start, end) -> {
            try {
                out.append(new String(bytes, start, end - start, StandardCharsets.UTF_8)).append('\n');
                return true;
            } catch (IOException e) {
                failed[0] = e;
                return false;
            }
        });
        if (failed[0] != null) {
            throw new UncheckedIOException("Writing the audit log failed.", failed[0]);
        }
    }

    /** The sealer: seals what waits, a batch at a time, until nothing does. */
    private void seal() {
        batch.clear();
        sealed.clear();
        while (true) {
            long first;
            synchronized (lock) {
                if (waiting.isEmpty()) {
                    sealing = false;
                    return;
                }
                first = issued - waiting.size();
                while (batch.size() < BATCH && !waiting.isEmpty()) {
                    batch.add(waiting.poll());
                }
                lock.notifyAll();
            }
            Throwable failed = null;
            try {
                for (AuditRecord record : batch) {
                    AuditChain.Sealed entry = AuditChain.sealLine(sha256, first + sealed.size(), lastHash, record, body);
                    byte[] line = entry.line();
                    tree.appendEntry(line, 0, line.length);
                    System.arraycopy(line, entry.hashAt(), lastHash, 0, lastHash.length);
                    sealed.add(line);
                }
            } catch (RuntimeException | Error e) {
                failed = e;
            }
            publish(failed);
            if (failed != null) {
                return;
            }
            batch.clear();
            sealed.clear();
        }
    }

    /** Makes the sealed lines readable, and the failure that stopped the sealer, if one did. */
    private void publish(Throwable failed) {
        synchronized (lock) {
            for (byte[] line : sealed) {
                lines.add(line, 0, line.length);
            }
            headHash = new String(lastHash, StandardCharsets.US_ASCII);
            if (failed != null) {
                failure = failed;
                waiting.clear();
                sealing = false;
            }
            lock.notifyAll();
        }
    }

    /** Waits, under the lock, until every add made so far is sealed; throws the sealer's failure, if it failed. */
    private void caughtUp() {
        long target = issued;
        startSealer();
        awaitUntil(() -> lines.size() >= target || failure != null);
        failIfBroken();
    }

    /** Waits on the lock, held, until the condition holds; an interrupt meanwhile is kept for the caller. */
    private void awaitUntil(BooleanSupplier condition) {
        boolean interrupted = false;
        while (!condition.getAsBoolean()) {
            try {
                lock.wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void failIfBroken() {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    /** The tree as a reader must see it: every read waits until the sealer has caught up. */
    private final class CaughtUpTree implements LogTree {

        @Override
        public long size() {
            synchronized (lock) {
                caughtUp();
            }
            return tree.size();
        }

        @Override
        public Hash node(int level, long index) {
            synchronized (lock) {
                caughtUp();
            }
            return tree.node(level, index);
        }
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "audit-sealer");
        t.setDaemon(true);
        return t;
    }
}
