package org.enrollment.rules.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.enrollment.rules.DroolsPolicyEngine;
import org.enrollment.rules.ReloadResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reloading the shipped policy files from a folder, as staff publish an edit: vet, compile, smoke-check, swap.
 * Each measurement is one reload after a comment is appended to {@code eligibility.drl} (so that every reload
 * compiles an edited file, as the lead's {@code ReloadTime} does). The folder is loaded first (the first
 * {@code fromFolder} in a JVM warms the rule compiler up before it returns), as in a host that loaded its rules
 * at start and publishes an edit later; the warm-up iteration is the first such edit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 1)
@Measurement(iterations = 9)
public class ReloadBenchmark {

    private Path folder;
    private DroolsPolicyEngine engine;
    private int edits;

    /** The shipped rule files exported to a temporary folder, loaded once. */
    @Setup
    public void setUp() throws IOException {
        folder = Files.createTempDirectory("reload-bench");
        DroolsPolicyEngine.exportShippedRules(folder);
        engine = DroolsPolicyEngine.fromFolder(folder);
    }

    /** An edit before each reload: a comment appended to a rule file. */
    @Setup(Level.Invocation)
    public void edit() throws IOException {
        Files.writeString(folder.resolve("eligibility.drl"), "\n// edit " + ++edits + "\n", StandardOpenOption.APPEND);
    }

    /** Deletes the folder. */
    @TearDown
    public void tearDown() throws IOException {
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(folder);
    }

    /** One reload of the folder. */
    @Benchmark
    public ReloadResult reload() {
        ReloadResult r = engine.reload();
        if (!r.swapped()) {
            throw new IllegalStateException("The shipped rules did not reload: " + r.problems());
        }
        return r;
    }
}
