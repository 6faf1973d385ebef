package org.enrollment.examples.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.store.InMemoryRegistrationStore;
import org.enrollment.examples.RuleSet;
import org.enrollment.examples.impact.ImpactReplay;
import org.enrollment.examples.scenario.ScenarioCommand;
import org.enrollment.examples.scenario.ScenarioReader;
import org.enrollment.examples.scenario.ScenarioRunner;
import org.enrollment.examples.scenario.ScenarioWriter;
import org.enrollment.examples.scenario.SettableClock;
import org.enrollment.examples.simulation.SeasonSimulator;
import org.enrollment.rules.DroolsPolicyEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Replaying a season file, side by side in one run (issue 14): {@code hand}, a hand-written Java replay (read
 * each command, set the clock, {@code Registry.handle}); {@code run}, what {@code enrollment.jar run} does
 * (the file checked first, every command observed, checked against its expectation and printed as a JSON
 * line, the audit log verified); {@code impact}, what {@code enrollment.jar impact} does (the file under two
 * rule sets at once). The file is a simulated season of {@code children} children (33,000: about 139,000
 * commands, the held-back season's size; 170,000: the whole 713,106-command year), written once a run with
 * the shipped rules. One replay an operation, in seconds; target: {@code run} ≤ 3 × {@code hand}.
 */
public class ReplayBenchmark extends SeasonShotBenchmark {

    /** What replays the file: {@code hand}, {@code run} or {@code impact}. */
    @Param({"hand", "run", "impact"})
    public String replay;

    /** Children in the simulated season. */
    @Param({"33000"})
    public int children;

    private DroolsPolicyEngine shipped;
    private RuleSet baseline;
    private RuleSet proposed;
    private Path file;

    /** The season file and the rule sets, once a run. */
    @Setup(Level.Trial)
    public void writeTheSeason() throws IOException {
        shipped = DroolsPolicyEngine.shipped();
        Path dir = Files.createTempDirectory("replay-benchmark");
        file = dir.resolve("season.jsonl");
        SeasonSimulator simulator = new SeasonSimulator(children, 2014);
        try (ScenarioWriter out = new ScenarioWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), simulator.season(), "benchmark")) {
            simulator.play(shipped, out, null, line -> { });
        }
        Path folder = dir.resolve("rules");
        DroolsPolicyEngine.exportShippedRules(folder);
        baseline = new RuleSet(shipped, List.copyOf(shipped.ruleNames()), "the shipped rules");
        DroolsPolicyEngine edited = DroolsPolicyEngine.fromFolder(folder);
        proposed = new RuleSet(edited, List.copyOf(edited.ruleNames()), folder.toString());
        System.out.printf("%nReplayBenchmark: %,d commands in %s%n", ScenarioReader.check(file, ScenarioReader.DEFAULT_MAX_LINE_BYTES), file);
    }

    /** One replay of the file. */
    @Benchmark
    public long replayTheSeason() {
        return switch (replay) {
            case "hand" -> byHand();
            case "run" -> new ScenarioRunner(shipped, InMemoryRegistrationStore::new, new PrintWriter(Writer.nullWriter()),
                    new PrintWriter(Writer.nullWriter())).run(List.of(file), null, o -> { });
            case "impact" -> new ImpactReplay(baseline, proposed, Clock.systemUTC()).replay(file, line -> { }).commandsChanged();
            default -> throw new IllegalArgumentException("replay " + replay);
        };
    }

    private long byHand() {
        long accepted = 0;
        try (ScenarioReader reader = ScenarioReader.open(file)) {
            SettableClock clock = new SettableClock(reader.season().opens());
            Registry registry = Registry.builder(reader.season(), shipped).clock(clock).store(new InMemoryRegistrationStore()).build();
            for (ScenarioCommand c = reader.next(); c != null; c = reader.next()) {
                clock.set(c.at().toInstant());
                accepted += registry.handle(c.actor(), c.command()).isAccepted() ? 1 : 0;
            }
        }
        return accepted;
    }
}
