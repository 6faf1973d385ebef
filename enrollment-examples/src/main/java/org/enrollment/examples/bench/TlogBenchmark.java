package org.enrollment.examples.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.enrollment.core.audit.tlog.Checkpoint;
import org.enrollment.core.audit.tlog.ExportTree;
import org.enrollment.core.audit.tlog.InclusionProof;
import org.enrollment.core.audit.tlog.LogCheck;
import org.enrollment.core.audit.tlog.MerkleTree;
import org.enrollment.core.audit.tlog.SignedNote;
import org.enrollment.core.audit.tlog.SigningKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The transparency log's costs on a log of {@value #LOG} entries (a city's season) of {@value #LINE} bytes each
 * (the average length of a simulated season's export lines, with the sealed state they carry; measured
 * on a 3,000-child export: 12,629 entries, 11.1 MB): inclusion proofs served per second, entries per second of
 * checking an export against a signed checkpoint, and entries per second of keeping the tree with a signed
 * checkpoint every {@value #CHECKPOINT_EVERY} entries (to set beside a season's commands per second).
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class TlogBenchmark extends ShippedBenchmark {

    static final int LOG = 713_106;
    static final int LINE = 880;
    static final int PROOFS = 1_000;
    static final int CHECKPOINT_EVERY = 10_000;

    private final SigningKey key = SigningKey.generate("city.example/enrollment-bench");
    private final SplittableRandom random = new SplittableRandom(713);
    private Path export;
    private MerkleTree tree;
    private SignedNote checkpoint;
    private byte[][] lines;

    /** Writes the export and builds its tree and signed checkpoint. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        export = Files.createTempFile("tlog-bench", ".jsonl");
        lines = new byte[CHECKPOINT_EVERY][];
        try (BufferedWriter w = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
            for (int i = 0; i < LOG; i++) {
                String line = entry(i);
                w.write(line);
                w.write('\n');
                if (i < CHECKPOINT_EVERY) {
                    lines[i] = line.getBytes(StandardCharsets.UTF_8);
                }
            }
        }
        tree = ExportTree.read(export).tree();
        checkpoint = Checkpoint.of(key.name(), tree, LOG).signedBy(key);
    }

    private static String entry(int seq) {
        String head = "{\"seq\":" + seq + ",\"at\":\"2026-05-06T01:00:00Z\",\"actor\":\"GUARDIAN\",\"command\":\"register\",\"note\":\"";
        return head + "x".repeat(Math.max(0, LINE - head.length() - 2)) + "\"}";
    }

    /** Deletes the export. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(export);
    }

    /** Makes {@value #PROOFS} inclusion proofs of random entries in the whole tree. */
    @Benchmark
    @OperationsPerInvocation(PROOFS)
    public long inclusionProofs() {
        long hashes = 0;
        for (int i = 0; i < PROOFS; i++) {
            InclusionProof proof = tree.inclusionProof(random.nextInt(LOG), LOG);
            hashes += proof.path().size();
        }
        return hashes;
    }

    /** Reads the export and checks it against the signed checkpoint of its {@value #LOG} entries. */
    @Benchmark
    @OperationsPerInvocation(LOG)
    public LogCheck checkExport() throws IOException {
        LogCheck check = ExportTree.check(export, checkpoint, key.verifierKey());
        if (!check.holds()) {
            throw new IllegalStateException("The benchmark's export does not check out: " + check.problem());
        }
        return check;
    }

    /** Keeps the tree of {@value #CHECKPOINT_EVERY} entries and signs its checkpoint, as a registry would. */
    @Benchmark
    @OperationsPerInvocation(CHECKPOINT_EVERY)
    public SignedNote appendWithCheckpoint() {
        MerkleTree kept = new MerkleTree();
        for (byte[] line : lines) {
            kept.appendEntry(line, 0, line.length);
        }
        return Checkpoint.of(key.name(), kept, kept.size()).signedBy(key);
    }
}
