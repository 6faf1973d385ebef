package org.enrollment.core.audit.tlog;

import java.io.IOException;
import java.nio.file.Path;
import org.enrollment.core.audit.AuditChain;
import org.enrollment.core.audit.AuditHead;
import org.enrollment.core.audit.AuditVerification;
import org.enrollment.core.audit.ExportLines;

/**
 * The Merkle tree of an exported audit log (导出日志的树): leaf <i>i</i> is line <i>i</i>+1 of the file without its
 * line end, read as bytes, never decoded; and the check of such a file against a signed checkpoint, which names the
 * first bad entry where the export's hash chain can tell it.
 *
 * @param tree the tree of the file's complete lines
 * @param cutOff whether the file ends with a line that has no line end (not counted)
 */
public record ExportTree(MerkleTree tree, boolean cutOff) {

    /**
     * Reads the file's lines into a tree.
     *
     * @throws IOException when the file cannot be read
     */
    public static ExportTree read(Path file) throws IOException {
        MerkleTree tree = new MerkleTree();
        int rest = ExportLines.read(file, (bytes, start, end) -> {
            tree.appendEntry(bytes, start, end > start && bytes[end - 1] == '\r' ? end - 1 : end);
            return true;
        });
        return new ExportTree(tree, rest > 0);
    }

    /**
     * Checks an export against a checkpoint signed by the log: the file's entries, as many as the checkpoint counts,
     * must make its root; an entry past them is one the log did not sign for. Reads the file for its root alone, on
     * every core, keeping no tree ({@link ExportRoot}).
     *
     * @throws IOException when the file cannot be read
     */
    public static LogCheck check(Path file, SignedNote checkpoint, VerifierKey log) throws IOException {
        if (!checkpoint.verifiedBy(log)) {
            return LogCheck.fails("The checkpoint is not signed by the log key " + log.name() + ".");
        }
        Checkpoint cp = Checkpoint.of(checkpoint);
        if (!cp.origin().equals(log.name())) {
            return LogCheck.fails("The checkpoint is of the log '" + cp.origin() + "', not '" + log.name() + "'.");
        }
        ExportRoot export = ExportRoot.of(file, cp.size());
        LogCheck check = export.check(cp);
        boolean rewritten = !check.holds() && export.entries() >= cp.size() && !export.root().equals(cp.root());
        return rewritten ? LogCheck.fails(check.problem() + " " + firstRewritten(file, cp.size())) : check;
    }

    /**
     * Which entry was rewritten, as far as the export's own hash chain tells: its first broken link, when it is among
     * the signed entries; a chain that holds was made again after the rewrite, and one checkpoint cannot say more.
     */
    private static String firstRewritten(Path file, long signed) throws IOException {
        AuditVerification chain = AuditChain.verifyFile(file, new AuditHead(0, AuditChain.GENESIS));
        if (!chain.intact() && chain.firstBadIndex() < signed) {
            return "The first bad entry is " + chain.firstBadIndex() + ": the hash chain breaks there (" + chain.problem()
                    + "; if hashes were made again up to it, the rewrite is before it).";
        }
        return "The hash chain holds, so it was made again after the rewrite: one checkpoint cannot name the entry; a witness's "
                + "earlier checkpoint narrows it, and log check-store names it from the store's tree.";
    }

    /** Checks this tree against a checkpoint whose signature was checked: the same entries, the same root. */
    public LogCheck check(Checkpoint cp) {
        return rootAt(cp.size()).check(cp);
    }

    /** Checks that this tree's first entries, as many as the checkpoint counts, make its root. */
    public LogCheck startsWith(Checkpoint cp) {
        return rootAt(cp.size()).startsWith(cp);
    }

    private ExportRoot rootAt(long size) {
        return new ExportRoot(tree.size(), cutOff, tree.root(Math.min(size, tree.size())));
    }
}
