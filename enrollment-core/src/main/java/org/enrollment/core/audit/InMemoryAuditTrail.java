package org.enrollment.core.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.enrollment.core.audit.tlog.CheckpointStore;
import org.enrollment.core.audit.tlog.Checkpoints;
import org.enrollment.core.audit.tlog.LogTree;
import org.enrollment.core.audit.tlog.MerkleTree;

/**
 * The audit log held in memory, for the in-memory store. Appends are serialised (the chain is a total
 * order); reads take a consistent prefix. The entries are kept as their export lines, deflated in blocks
 * ({@link LineBlocks}), and made {@link AuditEntry} objects only when read: a season of 713,106 entries takes about
 * 270 MB. The tree and the checkpoints are kept in memory too.
 */
public final class InMemoryAuditTrail implements AuditTrail {

    private final LineBlocks lines = new LineBlocks();
    private final MessageDigest sha256 = AuditChain.sha256();
    private final MerkleTree tree = new MerkleTree();
    private final Checkpoints checkpoints = new Checkpoints();
    private byte[] lastHash = AuditChain.GENESIS.getBytes(StandardCharsets.US_ASCII);

    /** An empty log. */
    public InMemoryAuditTrail() {
    }

    @Override
    public synchronized AuditEntry append(AuditRecord record) {
        AuditChain.Sealed sealed = AuditChain.sealLine(sha256, lines.size(), lastHash, record);
        byte[] line = sealed.line();
        tree.appendEntry(line, 0, line.length);
        lines.add(line, 0, line.length);
        lastHash = Arrays.copyOfRange(line, sealed.hashAt(), line.length - 2);
        return sealed.entry();
    }

    @Override
    public synchronized AuditHead head() {
        return new AuditHead(lines.size(), new String(lastHash, StandardCharsets.US_ASCII));
    }

    @Override
    public List<AuditEntry> entries(long from, long to) {
        List<AuditEntry> out = new ArrayList<>((int) Math.max(0, Math.min(to - from, LineBlocks.BLOCK * 16L)));
        view().read(from, to, (bytes, start, end) -> out.add(AuditChain.parseLine(new String(bytes, start, end - start, StandardCharsets.UTF_8))));
        return out;
    }

    private synchronized LineBlocks.View view() {
        return lines.view();
    }

    @Override
    public LogTree tree() {
        return tree;
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
}
