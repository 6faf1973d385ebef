package org.enrollment.examples.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code bench}: runs the benchmarks in the jar with JMH; any JMH option may follow, e.g. {@code -h} for
 * JMH's own help or a regular expression naming the benchmarks.
 */
@Command(name = "bench", description = "Runs the audit log benchmarks (JMH) in this jar; JMH options may follow (-h lists them).")
public final class BenchCommand implements Callable<Integer> {

    @Unmatched
    private List<String> jmhOptions = new ArrayList<>();

    /** Hands the options to JMH's command line. */
    @Override
    public Integer call() throws IOException {
        org.openjdk.jmh.Main.main(jmhOptions.toArray(new String[0]));
        return 0;
    }
}
