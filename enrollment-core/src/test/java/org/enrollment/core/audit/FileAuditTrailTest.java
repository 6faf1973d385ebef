package org.enrollment.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log in a file: checked byte by byte, every changed character found at its line. */
class FileAuditTrailTest {

    private static final int ENTRIES = 20;

    @TempDir
    Path folder;

    private static AuditRecord record(int i) {
        return new AuditRecord(Instant.parse("2014-05-06T01:00:00Z").plusSeconds(i), "GUARDIAN", "register",
                List.of(), List.of(), "ACCEPTED", List.of(), List.of("rule " + i), "王小明 \"" + i + "\"");
    }

    private Path writeLog() {
        Path file = folder.resolve("audit.jsonl");
        try (FileAuditTrail trail = FileAuditTrail.open(file)) {
            for (int i = 0; i < ENTRIES; i++) {
                trail.append(record(i));
            }
            assertThat(trail.verify(trail.head()).intact()).isTrue();
        }
        return file;
    }

    @Test
    void aLogAsWrittenChecksOutAgainstItsHeadAndMatchesTheInMemoryChain() throws IOException {
        Path file = writeLog();
        InMemoryAuditTrail memory = new InMemoryAuditTrail();
        for (int i = 0; i < ENTRIES; i++) {
            memory.append(record(i));
        }

        AuditVerification v = AuditChain.verifyFile(file, memory.head());

        assertThat(v.intact()).as(v.problem()).isTrue();
        assertThat(v.entriesChecked()).isEqualTo(ENTRIES);
    }

    @Test
    void aChangedCharacterInAnEntrysHashOrBodyIsFoundAtThatEntry() throws IOException {
        Path file = writeLog();
        AuditHead head;
        try (FileAuditTrail trail = FileAuditTrail.open(file)) {
            head = trail.head();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int entry : new int[] {0, 7, ENTRIES - 1}) {
            String line = lines.get(entry);
            int[] positions = {line.length() - 3, line.length() - 66, line.indexOf("rule") + 5};
            for (int at : positions) {
                char was = line.charAt(at);
                char now = was == '0' ? '1' : '0';
                List<String> changed = new ArrayList<>(lines);
                changed.set(entry, line.substring(0, at) + now + line.substring(at + 1));
                Path tampered = folder.resolve("tampered.jsonl");
                Files.write(tampered, changed, StandardCharsets.UTF_8);

                AuditVerification v = AuditChain.verifyFile(tampered, head);

                assertThat(v.intact()).as("entry %d, character %d", entry, at).isFalse();
                assertThat(v.firstBadIndex()).as("entry %d, character %d: %s", entry, at, v.problem()).isEqualTo(entry);
            }
        }
    }
}
