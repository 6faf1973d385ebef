package org.enrollment.core.audit.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.enrollment.core.audit.ExportLines;
import org.enrollment.core.fixture.HugeLine;

/**
 * The root an export is checked with, read in chunks on several threads and with no tree kept, is the root of the
 * tree {@link MerkleTree} keeps of the same lines, for every number of lines (the tree's edges: none, one, two,
 * powers of two and one either side; random ones up to a few thousand), every length of line (longer than a chunk's
 * read, too), LF and CRLF line ends, a cut-off last line, every chunk size and thread count.
 */
class ExportRootProperties {

    /** Line ends tried. */
    enum Ends { LF, CRLF, MIXED }

    @Provide
    Arbitrary<Integer> counts() {
        List<Integer> edges = new ArrayList<>(List.of(0, 1, 2, 3));
        for (int power = 4; power <= 4096; power *= 2) {
            edges.addAll(List.of(power - 1, power, power + 1));
        }
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(edges)), Tuple.of(1, Arbitraries.integers().between(0, 3_000)));
    }

    @Provide
    Arbitrary<Integer> chunks() {
        return Arbitraries.of(1, 2, 7, 64, 1_000, 4_096, 100_000, ExportRoot.CHUNK);
    }

    @Property(tries = 80)
    void theRootIsTheKeptTreesRoot(@ForAll("counts") int count, @ForAll Ends ends, @ForAll boolean cutOff,
            @ForAll("chunks") int chunk, @ForAll @IntRange(min = 1, max = 3) int threads, @ForAll long seed) throws IOException {
        Random random = new Random(seed);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        MerkleTree expected = new MerkleTree();
        for (int i = 0; i < count; i++) {
            byte[] line = line(random);
            expected.append(Hash.leaf(line));
            file.writeBytes(line);
            file.writeBytes(ends == Ends.CRLF || ends == Ends.MIXED && random.nextBoolean() ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
        }
        if (cutOff) {
            // a cut-off line has at least a byte: an empty one would leave the file ending with its last line end
            byte[] tail = line(random);
            file.writeBytes(random.nextBoolean() && tail.length > 0 ? tail : new byte[] {'x', '\r'});
        }
        long size = List.of(count, Math.max(0, count - 1), random.nextInt(count + 2)).get(random.nextInt(3));
        Path written = write(file.toByteArray());
        try {
            // at most some hundreds of chunks a try, so that a chunk of one byte is tried on small files only
            int bounded = Math.max(chunk, file.size() / 300 + 1);
            ExportRoot root = ExportRoot.of(written, size, threads, bounded, ExportLines.MAX_LINE_BYTES);
            assertThat(root.entries()).isEqualTo(count);
            assertThat(root.cutOff()).isEqualTo(cutOff);
            assertThat(root.root()).as("root of the first %d of %d in chunks of %d", size, count, bounded)
                    .isEqualTo(expected.root(Math.min(size, count)));
            ExportTree kept = ExportTree.read(written);
            assertThat(kept.tree().root()).isEqualTo(expected.root());
        } finally {
            Files.delete(written);
        }
    }

    /** A line of random bytes, none a newline and none a CR at its end; mostly short, sometimes longer than a read. */
    private static byte[] line(Random random) {
        int length = random.nextInt(200) == 0 ? random.nextInt(150_000) : random.nextInt(1_200);
        byte[] line = new byte[length];
        random.nextBytes(line);
        for (int i = 0; i < length; i++) {
            if (line[i] == '\n' || i == length - 1 && line[i] == '\r') {
                line[i] = 'n';
            }
        }
        return line;
    }

    @Example
    void aLineLongerThanTheMostIsRefusedNamingIt() throws IOException {
        byte[] lines = ("a\nbb\n" + "c".repeat(101) + "\nd\n").getBytes(StandardCharsets.US_ASCII);
        Path written = write(lines);
        try {
            for (int chunk : new int[] {1, 3, 50, 1_000}) {
                assertThatThrownBy(() -> ExportRoot.of(written, 4, 2, chunk, 100)).as("chunks of %d", chunk)
                        .isInstanceOf(ExportLines.LineTooLongException.class)
                        .hasMessage("line 3 is longer than 100 bytes, longer than any entry an audit log writes");
            }
            assertThat(ExportRoot.of(written, 4, 2, 3, 101).entries()).isEqualTo(4);
        } finally {
            Files.delete(written);
        }
    }

    @Example
    void aHostileLineOfHundredsOfMegabytesIsRefusedAtTheMost() throws IOException {
        Path huge = HugeLine.write(Files.createTempFile("export-root", ".jsonl"), "{\"seq\":0}\n", 600_000_000L);
        try {
            assertThatThrownBy(() -> ExportRoot.of(huge, 2)).isInstanceOf(ExportLines.LineTooLongException.class)
                    .hasMessage("line 2 is longer than 67,108,864 bytes, longer than any entry an audit log writes");
        } finally {
            Files.delete(huge);
        }
    }

    @Example
    void theEmptyExportHasTheEmptyRoot() throws IOException {
        Path written = write(new byte[0]);
        try {
            assertThat(ExportRoot.of(written, 0)).isEqualTo(new ExportRoot(0, false, Hash.empty()));
        } finally {
            Files.delete(written);
        }
    }

    @Example
    void threadsHandingInTheLastChunksAtOnceFoldEveryOne() throws IOException {
        MerkleTree expected = new MerkleTree();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (int i = 0; i < 3_000; i++) {
            byte[] line = ("{\"seq\":" + i + "}").getBytes(StandardCharsets.US_ASCII);
            expected.append(Hash.leaf(line));
            file.writeBytes(line);
            file.write('\n');
        }
        Path written = write(file.toByteArray());
        try {
            for (int round = 0; round < 40; round++) {
                assertThat(ExportRoot.of(written, 3_000, 3, 3, ExportLines.MAX_LINE_BYTES).root()).isEqualTo(expected.root());
            }
        } finally {
            Files.delete(written);
        }
    }

    @Example
    void aFileCutShorterWhileItIsReadIsAnIOExceptionNamingWhere() throws IOException {
        byte[] lines = "{\"seq\":0}\n".repeat(50_000).getBytes(StandardCharsets.US_ASCII);
        Path written = write(lines);
        try (FileChannel channel = FileChannel.open(written, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ExportReading reading = new ExportReading(channel, 50_000, 4_096, ExportLines.MAX_LINE_BYTES);
            channel.truncate(lines.length / 2);
            assertThatThrownBy(() -> reading.run(2)).isInstanceOf(IOException.class)
                    .hasMessage("The file got shorter while it was read: it was " + lines.length + " bytes when the reading began.");
        } finally {
            Files.delete(written);
        }
    }

    @Example
    void newlinesAreFoundAtEveryOffset() {
        for (int length = 0; length < 40; length++) {
            for (int at = 0; at < length; at++) {
                byte[] bytes = new byte[length];
                Arrays.fill(bytes, (byte) ('\n' + 1));
                bytes[at] = '\n';
                for (int from = 0; from <= at; from++) {
                    assertThat(ExportReading.newline(bytes, from, length)).isEqualTo(at);
                }
                assertThat(ExportReading.newline(bytes, at + 1, length)).isEqualTo(-1);
            }
        }
    }

    private static Path write(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile("export-root", ".jsonl"), bytes);
    }
}
