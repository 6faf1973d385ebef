package org.enrollment.examples.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.enrollment.core.audit.AuditHead;
import org.enrollment.core.audit.AuditRecord;
import org.enrollment.core.audit.AuditTrail;
import org.enrollment.core.audit.AuditVerification;
import org.enrollment.core.audit.FileAuditTrail;
import org.enrollment.core.audit.InMemoryAuditTrail;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The audit log, in memory and in a file: appending the entry of an accepted {@code register} (sealed into the
 * hash chain), and checking the whole chain. Figures are entries per second: each call appends
 * {@value #BATCH} entries to an empty log, or checks a log of {@value #LOG} entries.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class AuditBenchmark extends ShippedBenchmark {

    static final int BATCH = 10_000;
    static final int LOG = 100_000;

    private static final AuditRecord REGISTER = new AuditRecord(Instant.parse("2014-05-06T01:00:00Z"), "GUARDIAN", "register",
            List.of("110108-2014-000123"), List.of("c5b0e1f3a9d24e7b8c6f0a1d2e3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d"),
            "ACCEPTED", List.of(), List.of("window: register online while the window is open", "age: six by 31 August"), "");

    /** Where the log is kept: {@code memory} or {@code file} (a temporary file). */
    @Param({"memory", "file"})
    public String trail;

    private Path folder;
    private AuditTrail full;
    private AuditHead fullHead;

    /** A log of {@value #LOG} entries to check. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        folder = Files.createTempDirectory("audit-bench");
        full = open("full");
        for (int i = 0; i < LOG; i++) {
            full.append(REGISTER);
        }
        fullHead = full.head();
    }

    /** Closes and deletes the files. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        closeAndDelete(full, "full");
        Files.deleteIfExists(folder);
    }

    /** Appends {@value #BATCH} entries to an empty log. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public AuditHead append() {
        AuditTrail log = open("append");
        try {
            for (int i = 0; i < BATCH; i++) {
                log.append(REGISTER);
            }
            return log.head();
        } finally {
            closeAndDelete(log, "append");
        }
    }

    /** Checks the {@value #LOG} entries of the log against its head. */
    @Benchmark
    @OperationsPerInvocation(LOG)
    public AuditVerification verify() {
        AuditVerification v = full.verify(fullHead);
        if (!v.intact()) {
            throw new IllegalStateException("The benchmark's audit log does not check out: " + v.problem());
        }
        return v;
    }

    private AuditTrail open(String name) {
        return "file".equals(trail) ? FileAuditTrail.open(fileOf(name)) : new InMemoryAuditTrail();
    }

    private void closeAndDelete(AuditTrail log, String name) {
        if (log instanceof FileAuditTrail f) {
            f.close();
            try {
                Files.delete(fileOf(name));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete the benchmark's audit log " + fileOf(name) + ".", e);
            }
        }
    }

    private Path fileOf(String name) {
        return folder.resolve(name + ".jsonl");
    }
}
