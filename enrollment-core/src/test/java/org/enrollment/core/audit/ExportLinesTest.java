package org.enrollment.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.enrollment.core.audit.tlog.ExportTree;
import org.enrollment.core.fixture.HugeLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportLinesTest {

    @TempDir
    Path dir;

    private List<String> lines(Path file, int max) throws IOException {
        List<String> read = new ArrayList<>();
        int rest = ExportLines.read(file, (bytes, start, end) -> read.add(new String(bytes, start, end - start, StandardCharsets.UTF_8)), max);
        read.add("rest " + rest);
        return read;
    }

    @Test
    void givesEachLineAndWhatFollowsTheLastNewline() throws IOException {
        Path file = Files.writeString(dir.resolve("e.jsonl"), "a\n" + "b".repeat(3_000_000) + "\nc\ntorn");
        assertThat(lines(file, ExportLines.MAX_LINE_BYTES)).containsExactly("a", "b".repeat(3_000_000), "c", "rest 4");
    }

    @Test
    void aLineOfExactlyTheLimitIsRead() throws IOException {
        Path file = Files.writeString(dir.resolve("e.jsonl"), "a\n" + "b".repeat(100) + "\n");
        assertThat(lines(file, 100)).containsExactly("a", "b".repeat(100), "rest 0");
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedNamingItWithoutHoldingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("e.jsonl"), "a\nb\n" + "c".repeat(101) + "\nd\n");
        assertThatThrownBy(() -> lines(file, 100)).isInstanceOf(ExportLines.LineTooLongException.class)
                .hasMessage("line 3 is longer than 100 bytes, longer than any entry an audit log writes");
        Path torn = Files.writeString(dir.resolve("t.jsonl"), "a\n" + "c".repeat(101));
        assertThatThrownBy(() -> lines(torn, 100)).hasMessageStartingWith("line 2 is longer than 100 bytes");
    }

    /** A hostile export: one line of 600 MB (a sparse file), refused at the default limit by the
     * tree's reader (the one every export check goes through) long before the heap would fill. */
    @Test
    void aSixHundredMegabyteLineIsRefusedByTheChecksOfAnExport() throws IOException {
        Path file = HugeLine.write(dir.resolve("huge.jsonl"), "{\"seq\":0}\n", 600_000_000L);
        assertThatThrownBy(() -> ExportTree.read(file)).isInstanceOf(ExportLines.LineTooLongException.class)
                .hasMessage("line 2 is longer than 67,108,864 bytes, longer than any entry an audit log writes");
    }
}
