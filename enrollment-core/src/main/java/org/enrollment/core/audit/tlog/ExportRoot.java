package org.enrollment.core.audit.tlog;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.enrollment.core.audit.ExportLines;

/**
 * What an export says about the log, as a checkpoint is checked against it (导出日志的根): how many entries it
 * holds, whether a cut-off line follows them, and the RFC 6962 root of its first entries. {@link #of} reads it at
 * the speed of the machine's SHA-256, on every core and with no tree kept ({@link ExportReading}); the leaves are
 * those of {@link ExportTree#read}: line <i>i</i>+1 without its line end and a CR before it, a last line with no line
 * end not counted, a line longer than {@link ExportLines#MAX_LINE_BYTES} refused.
 *
 * @param entries the file's complete lines
 * @param cutOff whether the file ends with a line that has no line end
 * @param root the root of the first min(size, entries) entries, size being what was asked for
 */
record ExportRoot(long entries, boolean cutOff, Hash root) {

    /** The bytes of a chunk a thread reads at once, 4 MiB: some 4,700 entries of a season's export. */
    static final int CHUNK = 4 << 20;
    private static final int MOST_THREADS = 8;

    /**
     * Reads the file on every core.
     *
     * @param size how many first entries the root is of
     * @throws ExportLines.LineTooLongException when a line is longer than an audit log writes, naming it
     * @throws IOException when the file cannot be read
     */
    static ExportRoot of(Path file, long size) throws IOException {
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), MOST_THREADS);
        return of(file, size, threads, CHUNK, ExportLines.MAX_LINE_BYTES);
    }

    /** {@link #of(Path, long)} on this many threads, in chunks of this many bytes, refusing longer lines. */
    static ExportRoot of(Path file, long size, int threads, int chunk, int maxLineBytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return new ExportReading(channel, size, chunk, maxLineBytes).run(threads);
        }
    }

    /** Checks these entries against a checkpoint whose signature was checked: the same entries, the same root. */
    LogCheck check(Checkpoint cp) {
        LogCheck prefix = startsWith(cp);
        if (prefix.holds() && (entries > cp.size() || cutOff)) {
            return LogCheck.fails("Entry " + cp.size() + " and after (" + (entries - cp.size() + (cutOff ? 1 : 0))
                    + " lines) are not covered by the checkpoint of " + cp.size() + " entries: the log did not sign for them.");
        }
        return prefix;
    }

    /** Checks that the first entries, as many as the checkpoint counts, make its root. */
    LogCheck startsWith(Checkpoint cp) {
        if (entries < cp.size()) {
            return LogCheck.fails("The export ends after entry " + (entries - 1) + " (" + entries + " entries" + (cutOff
                    ? " and a cut-off line" : "") + "), but the checkpoint counts " + cp.size() + ": entries from "
                    + entries + " on are missing.");
        }
        if (!root.equals(cp.root())) {
            return LogCheck.fails("The export's first " + cp.size() + " entries (0 to " + (cp.size() - 1)
                    + ") do not make the checkpoint's root " + cp.root().base64() + " but " + root.base64()
                    + ": an entry among them was changed, added or removed.");
        }
        return LogCheck.ok();
    }
}
