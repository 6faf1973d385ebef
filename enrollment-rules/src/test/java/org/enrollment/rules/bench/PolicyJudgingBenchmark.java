package org.enrollment.rules.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.Admit;
import org.enrollment.core.command.Amend;
import org.enrollment.core.command.Approve;
import org.enrollment.core.command.BoardingDecide;
import org.enrollment.core.command.CoBuildListing;
import org.enrollment.core.command.CoBuildSelect;
import org.enrollment.core.command.Command;
import org.enrollment.core.command.CommandKind;
import org.enrollment.core.command.FileStudentRecord;
import org.enrollment.core.command.Reason;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.command.Release;
import org.enrollment.core.command.ReturnEntry;
import org.enrollment.core.command.SubmitList;
import org.enrollment.core.command.Tick;
import org.enrollment.core.command.Untick;
import org.enrollment.core.command.Verify;
import org.enrollment.core.command.Withdraw;
import org.enrollment.core.fixture.ThroughputBenchmark;
import org.enrollment.core.policy.PolicyEngine;
import org.enrollment.core.policy.PolicyQuestion;
import org.enrollment.core.policy.PolicyVerdict;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.season.School;
import org.enrollment.rules.DroolsPolicyEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link PolicyEngine#judge} on its own, for every kind of command: the question the registry asks the
 * policies about one accepted command of the {@link #kind}, captured from a registry preloaded with
 * {@link #preloaded} children, judged again and again by the shipped Drools rules and by the reference
 * policies (the baseline).
 *
 * <p>For each kind, fresh children (numbers {@code preloaded} and up, none of them preloaded) are driven
 * through the lifecycle (DESIGN.md §4) with the reference policies until the command can be given, and the
 * question of that command, accepted, is kept:
 * <ul>
 * <li>{@code register}: a child's online registration at a day school of its district;</li>
 * <li>{@code amend}: the guardian corrects the name of a SUBMITTED registration;</li>
 * <li>{@code withdraw}: the guardian withdraws a SUBMITTED registration;</li>
 * <li>{@code verify}: the school passes it with the documents of a Beijing household;</li>
 * <li>{@code tick}, {@code untick}: the school ticks a VERIFIED child, and takes a tick back;</li>
 * <li>{@code submit-list}: the school submits its list (the one ticked child);</li>
 * <li>{@code approve}, {@code return}: the district approves or returns that child's entry (the form with
 *     a child; {@code approve} of a whole school, like {@code submit-list}, asks without a target);</li>
 * <li>{@code release}: the district withdraws a SUBMITTED registration, with a reason;</li>
 * <li>{@code admit}: the school issues the notice of that APPROVED child (the form with a child);</li>
 * <li>{@code file}: the city creates the record of an ADMITTED child;</li>
 * <li>{@code boarding-decide}: the boarding school admits a child who applied to it;</li>
 * <li>{@code cobuild-list}: the co-build unit lists three children, one also registered online as a fallback,
 *     at its school, over its quota of {@value BenchSeason#CO_BUILD_QUOTA}: the list waits;</li>
 * <li>{@code cobuild-select}: the school selects two of that list's children, one of them the child with
 *     the online registration, which the selection withdraws.</li>
 * </ul>
 * Set-up fails, naming the kind, when a command is refused, when it was accepted without the policies being
 * asked (there would be nothing to measure), when {@link #engine} does not give the reference's verdict on the
 * captured question, or when the {@code kind} parameter's list misses a {@link CommandKind}.
 *
 * <p>15 kinds × 2 engines make 30 trials, each in its own fork: preloading (about 4 s), 2 × 1 s of warm-up
 * and 3 × 2 s of measurement, so the whole class takes about 5 to 6 minutes on 2 cores (5 min 41 s on a quiet
 * machine). Pick some kinds with JMH's {@code -p kind=tick,verify}.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class PolicyJudgingBenchmark extends ThroughputBenchmark {

    /** The command whose question is judged: every {@link CommandKind}'s text. */
    @Param({"register", "amend", "withdraw", "verify", "tick", "untick", "submit-list", "approve", "return",
            "release", "admit", "file", "boarding-decide", "cobuild-list", "cobuild-select"})
    public String kind;

    /** The policies judging: the shipped Drools rules or the reference policies. */
    @Param({"drools", "reference"})
    public String engine;

    /** How many children the registry holds when the question is captured. */
    @Param({"170000"})
    public int preloaded;

    private PolicyEngine policies;
    private PolicyQuestion question;

    /**
     * Preloads a registry, drives fresh children through the lifecycle to an accepted command of the kind,
     * keeps its question, and checks that the engine judging gives the reference's verdict on it.
     *
     * @throws IllegalStateException when the kind cannot be measured as this class says
     */
    @Setup
    public void setUp() throws NoSuchFieldException {
        everyKindListed();
        CommandKind commandKind = CommandKind.fromText(kind).orElseThrow(() -> new IllegalStateException(
                "'" + kind + "' is no command kind; the kinds are " + texts(CommandKind.values()) + "."));
        policies = "drools".equals(engine) ? DroolsPolicyEngine.shipped() : new ReferencePolicies();
        Recording recording = new Recording(new ReferencePolicies());
        Registry registry = BenchSeason.registry(recording);
        BenchSeason.preload(registry, preloaded);
        question = new Lifecycle(registry, recording, preloaded).questionOf(commandKind);
        Set<ReasonCode> expected = codes(new ReferencePolicies().judge(question));
        PolicyVerdict verdict = policies.judge(question);
        if (verdict.refuses() || !codes(verdict).equals(expected)) {
            throw new IllegalStateException("The " + engine + " policies say " + codes(verdict) + " to the question of the accepted "
                    + kind + ", the reference policies " + expected + ": they would not be measured doing the same work.");
        }
    }

    /** Judges the captured question of the kind. */
    @Benchmark
    public PolicyVerdict judge() {
        return policies.judge(question);
    }

    /** Fails when a command kind is missing from the {@code kind} parameter: the class would not measure every kind. */
    private static void everyKindListed() throws NoSuchFieldException {
        Set<String> listed = Set.of(PolicyJudgingBenchmark.class.getField("kind").getAnnotation(Param.class).value());
        List<String> missing = Arrays.stream(CommandKind.values()).map(CommandKind::text).filter(t -> !listed.contains(t)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The kind parameter of PolicyJudgingBenchmark misses " + missing + "; list every command kind.");
        }
    }

    private static String texts(CommandKind... kinds) {
        return Arrays.stream(kinds).map(CommandKind::text).collect(Collectors.joining(", "));
    }

    private static Set<ReasonCode> codes(PolicyVerdict verdict) {
        return verdict.reasons().stream().map(Reason::code).collect(Collectors.toSet());
    }

    /** Drives fresh children through the lifecycle and captures the question of the command measured. */
    private static final class Lifecycle {

        private static final List<String> BEIJING_DOCUMENTS = List.of("HUKOU", "BIRTH", "HOME");

        private final Registry registry;
        private final Recording recording;
        private final long n;
        private final String child;
        private final School school;

        Lifecycle(Registry registry, Recording recording, long firstFresh) {
            this.registry = registry;
            this.recording = recording;
            this.n = firstFresh;
            this.child = BenchSeason.child(n).value();
            this.school = BenchSeason.schoolOf(n);
        }

        /** The question of an accepted command of the kind, given to child {@code n} (and the next two for co-build). */
        PolicyQuestion questionOf(CommandKind kind) {
            return switch (kind) {
                case REGISTER -> capture(Actor.guardian(), BenchSeason.register(n));
                case AMEND -> {
                    submitted();
                    yield capture(Actor.guardian(), new Amend(child, "王小红", null, null));
                }
                case WITHDRAW -> {
                    submitted();
                    yield capture(Actor.guardian(), new Withdraw(child));
                }
                case VERIFY -> {
                    submitted();
                    yield capture(schoolActor(), verifyPass());
                }
                case TICK -> {
                    verified();
                    yield capture(schoolActor(), new Tick(child));
                }
                case UNTICK -> {
                    preAdmitted();
                    yield capture(schoolActor(), new Untick(child));
                }
                case SUBMIT_LIST -> {
                    preAdmitted();
                    yield capture(schoolActor(), new SubmitList());
                }
                case APPROVE -> {
                    underReview();
                    yield capture(districtActor(), new Approve(null, child));
                }
                case RETURN -> {
                    underReview();
                    yield capture(districtActor(), new ReturnEntry(child, "材料需补充"));
                }
                case RELEASE -> {
                    submitted();
                    yield capture(districtActor(), new Release(child, "家长放弃入学"));
                }
                case ADMIT -> {
                    approved();
                    yield capture(schoolActor(), new Admit(child));
                }
                case FILE -> {
                    approved();
                    step(schoolActor(), new Admit(child));
                    yield capture(Actor.city(), new FileStudentRecord(child));
                }
                case BOARDING_DECIDE -> {
                    step(Actor.guardian(), BenchSeason.registerBoarding(n));
                    yield capture(Actor.school(BenchSeason.BOARDING_SCHOOL.code()), new BoardingDecide(child, "admit"));
                }
                case COBUILD_LIST -> coBuildList();
                case COBUILD_SELECT -> {
                    coBuildList();
                    yield capture(Actor.school(BenchSeason.coBuildSchool().code()),
                            new CoBuildSelect(List.of(child, BenchSeason.child(n + 1).value())));
                }
            };
        }

        /**
         * Child {@code n} registers online as a fallback, then the unit lists it with the next two, over the
         * quota: the list waits for the school's selection.
         */
        private PolicyQuestion coBuildList() {
            submitted();
            PolicyQuestion q = capture(Actor.coBuildUnit(BenchSeason.CO_BUILD_UNIT), new CoBuildListing(
                    BenchSeason.coBuildSchool().code(),
                    List.of(BenchSeason.listed(n), BenchSeason.listed(n + 1), BenchSeason.listed(n + 2))));
            if (q.coBuild().orElseThrow().selectedNow()) {
                throw new IllegalStateException("The co-build list of three was selected at once: it should wait, over a quota of "
                        + BenchSeason.CO_BUILD_QUOTA + ".");
            }
            return q;
        }

        private void submitted() {
            step(Actor.guardian(), BenchSeason.register(n));
        }

        private void verified() {
            submitted();
            step(schoolActor(), verifyPass());
        }

        private void preAdmitted() {
            verified();
            step(schoolActor(), new Tick(child));
        }

        private void underReview() {
            preAdmitted();
            step(schoolActor(), new SubmitList());
        }

        private void approved() {
            underReview();
            step(districtActor(), new Approve(null, child));
        }

        private Verify verifyPass() {
            return new Verify(child, "pass", BEIJING_DOCUMENTS, null);
        }

        private Actor schoolActor() {
            return Actor.school(school.code());
        }

        private Actor districtActor() {
            return Actor.district(school.district());
        }

        /** A command on the way, which must be accepted. */
        private void step(Actor actor, Command command) {
            BenchSeason.accepted(registry.handle(actor, command), command.kind().text() + " on the way");
        }

        /**
         * The question the policies were asked about this command, which must be accepted.
         *
         * @throws IllegalStateException when it was refused, or accepted without the policies being asked
         */
        private PolicyQuestion capture(Actor actor, Command command) {
            String kind = command.kind().text();
            recording.last = null;
            BenchSeason.accepted(registry.handle(actor, command), kind);
            PolicyQuestion q = recording.last;
            if (q == null || q.kind() != command.kind()) {
                throw new IllegalStateException("The accepted " + kind + " never reached the policies: there is no question of "
                        + kind + " to judge.");
            }
            return q;
        }
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
