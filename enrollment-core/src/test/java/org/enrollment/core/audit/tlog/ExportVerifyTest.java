package org.enrollment.core.audit.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.enrollment.core.audit.AuditEntry;
import org.enrollment.core.audit.AuditRecord;
import org.enrollment.core.audit.InMemoryAuditTrail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checking a real audit export against its signed checkpoint names the first bad entry when the export's own hash
 * chain can tell it, and says so plainly when the chain was made again after the rewrite.
 */
class ExportVerifyTest {

    private final SigningKey key = SigningKey.generate("city.example/enrollment");
    private final List<String> lines = new ArrayList<>();
    private SignedNote signed;
    @TempDir
    Path dir;

    @BeforeEach
    void aSignedExport() {
        InMemoryAuditTrail trail = new InMemoryAuditTrail();
        for (int i = 0; i < 200; i++) {
            trail.append(new AuditRecord(Instant.parse("2026-05-06T01:00:00Z").plusSeconds(i), "SCHOOL:HD001", "tick", List.of(),
                    List.of(), "ACCEPTED", List.of(), List.of(), "entry " + i));
        }
        signed = Checkpoint.of(key.name(), trail.tree(), 200).signedBy(key);
        StringWriter out = new StringWriter();
        trail.export(out);
        lines.addAll(out.toString().lines().toList());
    }

    private LogCheck verify(List<String> export) throws Exception {
        Path file = dir.resolve("audit.jsonl");
        Files.write(file, export, StandardCharsets.UTF_8);
        return ExportTree.check(file, signed, key.verifierKey());
    }

    @Test
    void theExportAsWrittenChecksOut() throws Exception {
        assertThat(verify(lines).holds()).isTrue();
    }

    @Test
    void namesTheEntryRewrittenWithoutItsHash() throws Exception {
        List<String> changed = new ArrayList<>(lines);
        changed.set(120, changed.get(120).replace("entry 120", "entry 666"));
        assertThat(verify(changed).problem()).startsWith("The export's first 200 entries (0 to 199) do not make the checkpoint's root")
                .contains("The first bad entry is 120: the hash chain breaks there (its hash does not match its content");
    }

    @Test
    void saysWhatCanBeSaidWhenTheChainWasMadeAgain() throws Exception {
        List<String> changed = new ArrayList<>(lines);
        changed.set(120, changed.get(120).replace("entry 120", "entry 666"));
        assertThat(verify(rechained(changed)).problem()).endsWith("The hash chain holds, so it was made again after the rewrite: one "
                + "checkpoint cannot name the entry; a witness's earlier checkpoint narrows it, and log check-store names it from the store's tree.");
    }

    /** Every entry's hash made again over its (changed) body, as a database administrator with the triggers off would. */
    private static List<String> rechained(List<String> export) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        String previous = "0".repeat(64);
        List<String> out = new ArrayList<>();
        for (String line : export) {
            String body = line.substring(0, line.lastIndexOf(",\"hash\":\"")) + "}";
            sha.update(previous.getBytes(StandardCharsets.US_ASCII));
            previous = HexFormat.of().formatHex(sha.digest(body.getBytes(StandardCharsets.UTF_8)));
            out.add(new AuditEntry(out.size(), body, previous).line());
        }
        return out;
    }
}
