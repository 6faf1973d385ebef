package org.enrollment.examples.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How the benchmarks shipped in the jar run, unless one of them says otherwise: operations per second, 2 warm-up
 * iterations of 2 s and 3 measured of 3 s, a state per thread; each says in its own {@code @Fork} the heap it
 * needs. JMH reads these from a benchmark's superclass; the same annotation on the benchmark itself wins.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
abstract class ShippedBenchmark {
}
