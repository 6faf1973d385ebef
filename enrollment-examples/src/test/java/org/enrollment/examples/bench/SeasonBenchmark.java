package org.enrollment.examples.bench;

import org.enrollment.core.policy.PolicyEngine;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.examples.simulation.SeasonReport;
import org.enrollment.examples.simulation.SeasonSimulator;
import org.enrollment.rules.DroolsPolicyEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A whole simulated Beijing season (170,000 children, every kind of command in the proportions a real year
 * has, on the in-memory store, the audit log checked at the end), played with the shipped Drools rules and
 * with the hand-written reference policies, side by side in one run: the library's engine against what a
 * host would write by hand. One play an operation, in seconds; the season's command count is printed after
 * each play, to turn the time into commands per second.
 */
public class SeasonBenchmark extends SeasonShotBenchmark {

    /** The policies judging: the shipped Drools rules or the reference policies. */
    @Param({"drools", "reference"})
    public String engine;

    /** Children in the season. */
    @Param({"170000"})
    public int children;

    private PolicyEngine policies;
    private SeasonSimulator season;
    private SeasonReport played;

    /** The policies, once a run: loading the rules is not part of a play. */
    @Setup(Level.Trial)
    public void loadPolicies() {
        policies = "drools".equals(engine) ? DroolsPolicyEngine.shipped() : new ReferencePolicies();
    }

    /** A freshly generated season (seed 2014, as {@code simulate} plays by default) before every play. */
    @Setup(Level.Iteration)
    public void generate() {
        season = new SeasonSimulator(children, 2014);
    }

    /** Plays the season; the audit log is checked at its end. */
    @Benchmark
    public SeasonReport play() {
        played = season.play(policies, null, null, line -> { });
        if (!played.audit().intact()) {
            throw new IllegalStateException("The season's audit log does not verify: " + played.audit());
        }
        return played;
    }

    /** Prints what the play did, for commands per second. */
    @TearDown(Level.Iteration)
    public void report() {
        System.out.printf("%n%s: %,d commands (%,d accepted) in %.2f s in the play = %,.0f commands/s%n", engine,
                played.commands(), played.accepted(), played.nanos() / 1e9, played.commands() / (played.nanos() / 1e9));
    }
}
