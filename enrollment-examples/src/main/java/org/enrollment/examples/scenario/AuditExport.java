package org.enrollment.examples.scenario;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.enrollment.core.audit.AuditChain;
import org.enrollment.core.audit.AuditHead;
import org.enrollment.core.audit.AuditTrail;
import org.enrollment.core.audit.Durability;
import org.enrollment.core.audit.FileAuditTrail;
import org.enrollment.core.audit.AuditVerification;

/**
 * A registry's audit log exported to a file as JSON Lines and checked from that file, as a host would check a
 * copy it keeps: against the head (count and last hash) the log had when it was written.
 */
public final class AuditExport {

    private AuditExport() {
    }

    /**
     * A new journal in the file (replaced if it exists, with the checkpoints kept beside it): the audit log written as the commands go, each entry
     * written (and, as durability says, on the disk) before its command returns.
     *
     * @throws UncheckedIOException naming the file when it cannot be replaced
     */
    public static FileAuditTrail journal(Path file, Durability durability) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".checkpoints"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot replace the audit log " + file + ": " + e.getMessage(), e);
        }
        return FileAuditTrail.open(file, durability);
    }

    /**
     * Writes the audit log to the file, one entry a line, then checks the file against the log's head.
     *
     * @param trail the audit log
     * @param file where to write it; replaced if it exists
     * @return the check of the file
     * @throws UncheckedIOException naming the file when it cannot be written or read back
     */
    public static AuditVerification exportAndVerify(AuditTrail trail, Path file) {
        AuditHead head = trail.head();
        if (trail instanceof FileAuditTrail journal) {
            // The journal opened by journal(file): written as the commands went, only checked now.
            return journal.verify(head);
        }
        try {
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                trail.export(w);
            }
            return AuditChain.verifyFile(file, head);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the audit log to " + file + " failed: " + FileProblems.reason(e), e);
        }
    }
}
