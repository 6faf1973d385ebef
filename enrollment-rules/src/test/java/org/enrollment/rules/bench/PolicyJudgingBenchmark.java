package org.enrollment.rules.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.Tick;
import org.enrollment.core.command.Verify;
import org.enrollment.core.policy.PolicyEngine;
import org.enrollment.core.policy.PolicyQuestion;
import org.enrollment.core.policy.PolicyVerdict;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.season.School;
import org.enrollment.rules.DroolsPolicyEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link PolicyEngine#judge} on its own: the questions the registry asks for a {@code register}, a
 * {@code verify} and a {@code tick}, captured from a registry preloaded with {@link #preloaded} children,
 * judged by the shipped Drools rules and by the reference policies (the baseline).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class PolicyJudgingBenchmark {

    /** The policies judging: the shipped Drools rules or the reference policies. */
    @Param({"drools", "reference"})
    public String engine;

    /** How many children the registry holds when the questions are captured. */
    @Param({"170000"})
    public int preloaded;

    private PolicyEngine policies;
    private PolicyQuestion register;
    private PolicyQuestion verify;
    private PolicyQuestion tick;

    /**
     * Preloads a registry, then captures the questions of a new child's registration and of the verification
     * and ticking of an existing one.
     */
    @Setup
    public void setUp() {
        policies = "drools".equals(engine) ? DroolsPolicyEngine.shipped() : new ReferencePolicies();
        Recording recording = new Recording(new ReferencePolicies());
        Registry registry = BenchSeason.registry(recording);
        BenchSeason.preload(registry, preloaded);
        long n = preloaded;
        BenchSeason.accepted(registry.handle(Actor.guardian(), BenchSeason.register(n)), "register");
        register = recording.last;
        School school = BenchSeason.schoolOf(n);
        String child = BenchSeason.child(n).value();
        BenchSeason.accepted(registry.handle(Actor.school(school.code()), new Verify(child, "pass", List.of("HUKOU", "BIRTH", "HOME"), null)), "verify");
        verify = recording.last;
        BenchSeason.accepted(registry.handle(Actor.school(school.code()), new Tick(child)), "tick");
        tick = recording.last;
    }

    /** Judges a new child's online registration. */
    @Benchmark
    public PolicyVerdict judgeRegister() {
        return policies.judge(register);
    }

    /** Judges a school's passing verification with the documents a Beijing household shows. */
    @Benchmark
    public PolicyVerdict judgeVerify() {
        return policies.judge(verify);
    }

    /** Judges a school's tick of a verified child. */
    @Benchmark
    public PolicyVerdict judgeTick() {
        return policies.judge(tick);
    }

    /** Passes judging on and remembers the last question asked. */
    private static final class Recording implements PolicyEngine {

        private final PolicyEngine delegate;
        private PolicyQuestion last;

        Recording(PolicyEngine delegate) {
            this.delegate = delegate;
        }

        @Override
        public PolicyVerdict judge(PolicyQuestion question) {
            last = question;
            return delegate.judge(question);
        }
    }
}
