package org.enrollment.rules.bench;

import java.util.concurrent.atomic.AtomicInteger;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.Register;
import org.enrollment.core.fixture.ThroughputBenchmark;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registry.Registry;
import org.enrollment.rules.DroolsPolicyEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Threads;

/**
 * Whole {@code register} commands through {@link Registry#handle} with the in-memory store: input check,
 * authority, lifecycle, policies, commit and audit entry. Every call registers a child not seen before, at a
 * school in its district, so every call is accepted and the registry keeps growing (from 170,000 children).
 * The commands are made before the measurement, so that it measures the registry, not the making of IDs.
 */
public class RegisterThroughputBenchmark extends ThroughputBenchmark {

    private static final int PRELOADED = 170_000;
    /** More commands than the fastest engine gets through in the warm-up and measurement together. */
    private static final int PREPARED = 2_000_000;

    /** The policies judging: the shipped Drools rules or the reference policies. */
    @Param({"drools", "reference"})
    public String engine;

    private Registry registry;
    private Register[] commands;
    private final AtomicInteger next = new AtomicInteger();

    /** A registry preloaded with 170,000 registered children, and the registrations of the next children. */
    @Setup
    public void setUp() {
        registry = BenchSeason.registry("drools".equals(engine) ? DroolsPolicyEngine.shipped() : new ReferencePolicies());
        BenchSeason.preload(registry, PRELOADED);
        commands = new Register[PREPARED];
        for (int i = 0; i < PREPARED; i++) {
            commands[i] = BenchSeason.register(PRELOADED + i);
        }
    }

    /** One guardian registering a new child. */
    @Benchmark
    @Threads(1)
    public Decision register1Thread() {
        return registerNext();
    }

    /** Two guardians registering new children at once. */
    @Benchmark
    @Threads(2)
    public Decision register2Threads() {
        return registerNext();
    }

    private Decision registerNext() {
        int n = next.getAndIncrement();
        if (n >= PREPARED) {
            throw new IllegalStateException("All " + PREPARED + " prepared registrations were used.\nMaybe prepare more, or measure for less time.");
        }
        return BenchSeason.accepted(registry.handle(Actor.guardian(), commands[n]), "register");
    }
}
