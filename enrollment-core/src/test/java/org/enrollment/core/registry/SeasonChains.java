package org.enrollment.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;
import net.jqwik.api.state.Transformer;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Admit;
import org.enrollment.core.command.Amend;
import org.enrollment.core.command.Approve;
import org.enrollment.core.command.BoardingDecide;
import org.enrollment.core.command.CoBuildListing;
import org.enrollment.core.command.CoBuildSelect;
import org.enrollment.core.command.Command;
import org.enrollment.core.command.CommandKind;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.FileStudentRecord;
import org.enrollment.core.command.ListedChildText;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.Release;
import org.enrollment.core.command.ReturnEntry;
import org.enrollment.core.command.SubmitList;
import org.enrollment.core.command.Tick;
import org.enrollment.core.command.Untick;
import org.enrollment.core.command.Verify;
import org.enrollment.core.command.Withdraw;
import org.enrollment.core.fixture.ScenarioSeason;
import org.enrollment.core.fixture.ChildIds;
import org.enrollment.core.fixture.MutableClock;
import org.enrollment.core.fixture.StoreSnapshot;
import org.enrollment.core.policy.PolicyEngine;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registration.CoBuildList;
import org.enrollment.core.registration.Document;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationEvent;
import org.enrollment.core.registration.RegistrationNumber;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.registration.Route;
import org.enrollment.core.registration.Step;
import org.enrollment.core.season.CoBuildAgreement;
import org.enrollment.core.season.DistrictCatalog;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;
import org.enrollment.core.store.RegistrationStore;

/**
 * Random seasons for the stateful properties: chains of commands of every kind, by the right actor or a
 * random one (wrong kinds, other schools and districts, unknown ones, now and then a malformed one), for a
 * small pool of children at five schools in three districts (one boarding school, two co-build agreements),
 * while the clock moves on, sometimes past the window. Each chain starts a registry on a fresh store, so
 * the same chains run on the in-memory store and on the JDBC store.
 *
 * <p>After every command {@link World#give} checks what must hold of that command: one audit entry, no raw
 * resident ID in it or in the messages, a refused command changed nothing, and an accepted one moved exactly
 * the registrations its decision names (a new number for each one it created) and nothing else.
 * {@link #withInvariants} adds what must hold of the whole store after every step (DESIGN.md §4): one
 * active registration per child, numbers never reused, the lifecycle kept, no school past its plan, and an
 * intact audit chain.
 */
final class SeasonChains {

    private static final String RIGHT = "(right actor)";
    private static final String HAIDIAN = ScenarioSeason.HAIDIAN;
    private static final String XICHENG = ScenarioSeason.XICHENG;
    private static final String CHAOYANG = ScenarioSeason.CHAOYANG;

    private static final List<School> SCHOOLS = List.of(
            new School("HD001", "海淀实验小学", HAIDIAN, 2, false),
            new School("HD002", "中关村第一小学", HAIDIAN, 1, false),
            new School("XC001", "西城实验小学", XICHENG, 2, false),
            new School("XC900", "北京小学", XICHENG, 1, true),
            new School("CY001", "朝阳实验小学", CHAOYANG, 1, false));
    private static final List<String> DISTRICTS = List.of(HAIDIAN, XICHENG, CHAOYANG);
    private static final Instant OPENS = Instant.parse("2014-05-04T16:00:00Z");
    private static final Instant CLOSES = Instant.parse("2014-05-31T16:00:00Z");
    private static final Season SEASON = new Season(2014, OPENS, CLOSES, 2, DistrictCatalog.beijing(), SCHOOLS,
            List.of(new CoBuildAgreement("U-ACAD", "HD001", 1), new CoBuildAgreement("U-ACAD", "XC001", 2)));

    /** Twelve children: Haidian, Xicheng and Chaoyang households, two from Hebei, and one too young. */
    private static final List<Kid> POOL = List.of(
            new Kid(ChildIds.eligible(HAIDIAN, 1), HAIDIAN), new Kid(ChildIds.eligible(HAIDIAN, 2), HAIDIAN),
            new Kid(ChildIds.eligible(HAIDIAN, 3), HAIDIAN), new Kid(ChildIds.eligible(HAIDIAN, 4), HAIDIAN),
            new Kid(ChildIds.eligible(HAIDIAN, 5), HAIDIAN), new Kid(ChildIds.eligible(XICHENG, 6), XICHENG),
            new Kid(ChildIds.eligible(XICHENG, 7), XICHENG), new Kid(ChildIds.eligible(XICHENG, 8), XICHENG),
            new Kid(ChildIds.eligible(CHAOYANG, 9), CHAOYANG), new Kid(ChildIds.eligible("130102", 10), "NB:130000"),
            new Kid(ChildIds.eligible("130102", 11), "NB:130000"), new Kid(ChildIds.tooYoung(HAIDIAN, 12), HAIDIAN));

    /** Actors a command may come from when not from the right one: every kind, unknown schools and districts. */
    private static final List<String> ACTORS = List.of("GUARDIAN", "CITY", "SCHOOL:HD001", "SCHOOL:HD002", "SCHOOL:XC001",
            "SCHOOL:XC900", "SCHOOL:CY001", "SCHOOL:NOPE", "DISTRICT:110108", "DISTRICT:110102", "DISTRICT:110105",
            "DISTRICT:110101", "COBUILD:U-ACAD", "COBUILD:U-FAKE");

    private SeasonChains() {
    }

    /**
     * Chains of {@code commands} commands, each on a new registry judged by a new engine of {@code policies}
     * over a new store of {@code stores}, counted in the tally.
     */
    static ActionChainArbitrary<World> chains(Supplier<PolicyEngine> policies, Supplier<RegistrationStore> stores,
                                              Tally tally, int commands) {
        ActionChainArbitrary<World> chains = ActionChain.startWith(() -> new World(policies.get(), stores.get(), tally));
        for (Tuple.Tuple2<Integer, Arbitrary<Move>> weighted : weightedMoves()) {
            chains = chains.withAction(weighted.get1(), command(weighted.get2()));
        }
        return chains.withMaxTransformations(commands);
    }

    /** Commands of every kind, in the proportions the chains give them, without moving the clock. */
    static Arbitrary<Move> moves() {
        @SuppressWarnings("unchecked")
        Tuple.Tuple2<Integer, Arbitrary<? extends Move>>[] weighted = weightedMoves().toArray(new Tuple.Tuple2[0]);
        return Arbitraries.frequencyOf(weighted);
    }

    /** Each kind of command, with how often it comes. */
    private static List<Tuple.Tuple2<Integer, Arbitrary<Move>>> weightedMoves() {
        return List.of(
                Tuple.of(8, register()),
                Tuple.of(2, amend()),
                Tuple.of(2, childStep(Withdraw::new, "withdraw", Step.WITHDRAW, (w, kid) -> "GUARDIAN")),
                Tuple.of(6, verify()),
                Tuple.of(5, childStep(Tick::new, "tick", Step.TICK, World::schoolActor)),
                Tuple.of(1, childStep(Untick::new, "untick", Step.UNTICK, World::schoolActor)),
                Tuple.of(3, schoolStep(school -> new SubmitList(), "submit-list", RegistrationState.PRE_ADMITTED, school -> "SCHOOL:" + school)),
                Tuple.of(3, approve()),
                Tuple.of(1, reasoned(ReturnEntry::new, "return", Step.RETURN)),
                Tuple.of(1, reasoned(Release::new, "release", Step.RELEASE)),
                Tuple.of(2, childStep(Admit::new, "admit", Step.ADMIT, World::schoolActor)),
                Tuple.of(1, schoolStep(school -> new Admit(null), "admit-all", RegistrationState.APPROVED, school -> "SCHOOL:" + school)),
                Tuple.of(2, childStep(FileStudentRecord::new, "file", Step.FILE, (w, kid) -> "CITY")),
                Tuple.of(2, boardingDecide()),
                Tuple.of(2, coBuildList()),
                Tuple.of(2, coBuildSelect()));
    }

    /** The chain, checking after every step what must hold of the whole store. */
    static ActionChain<World> withInvariants(ActionChain<World> chain) {
        return chain
                .withInvariant("one registration per child that is not WITHDRAWN", World::oneActiveRegistrationPerChild)
                .withInvariant("numbers unique and never reused", World::numbersNeverReused)
                .withInvariant("history follows the lifecycle; ADMITTED after APPROVED; FILED after ADMITTED", World::historyFollowsTheLifecycle)
                .withInvariant("no school past its plan", World::noSchoolPastItsPlan)
                .withInvariant("one audit entry per command, chain intact", World::auditLogComplete);
    }

    // ---- the actions ----

    /**
     * A command of random content, given by the right actor (most of the time) or by a random one; now and
     * then the clock moves on first, by hours or by days.
     */
    private static Action.Independent<World> command(Arbitrary<Move> moves) {
        Arbitrary<Duration> clock = Arbitraries.frequencyOf(Tuple.of(34, Arbitraries.just(Duration.ZERO)),
                Tuple.of(1, Arbitraries.integers().between(1, 48).map(Duration::ofHours)),
                Tuple.of(1, Arbitraries.integers().between(5, 25).map(Duration::ofDays)));
        return () -> Combinators.combine(clock, moves).as((by, m) -> Transformer.mutate(
                (by.isZero() ? "" : "clock +" + by + ", ") + m.label(), w -> {
                    w.clock.advance(by);
                    w.give(m);
                }));
    }

    /** Which child a command is about: any of the pool, one holding a registration, or one whose registration allows the step. */
    private static Arbitrary<Target> targets() {
        Arbitrary<Pick> pick = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Pick.ANY)),
                Tuple.of(1, Arbitraries.just(Pick.HOLDING)), Tuple.of(6, Arbitraries.just(Pick.READY)));
        return Combinators.combine(pick, Arbitraries.integers().between(0, POOL.size() - 1)).as(Target::new);
    }

    private static Arbitrary<String> actors() {
        // A malformed actor now and then (rarely: the registry logs each at INFO).
        return Arbitraries.frequencyOf(Tuple.of(400, Arbitraries.just(RIGHT)), Tuple.of(100, Arbitraries.of(ACTORS)),
                Tuple.of(1, Arbitraries.just("TEACHER")));
    }

    private static Arbitrary<String> schools() {
        return Arbitraries.of(SCHOOLS.stream().map(School::code).toList());
    }

    private static String actor(String chosen, Supplier<String> right) {
        return chosen.equals(RIGHT) ? right.get() : chosen;
    }

    private static Arbitrary<Move> register() {
        // AUTO: BOARDING exactly when the school boards.
        Arbitrary<String> route = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("AUTO")), Tuple.of(2, Arbitraries.just("-")),
                Tuple.of(1, Arbitraries.just("ONLINE")), Tuple.of(1, Arbitraries.just("BOARDING")));
        Arbitrary<Boolean> inItsDistrict = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(true)), Tuple.of(1, Arbitraries.just(false)));
        Arbitrary<String> otherHousehold = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("-")),
                Tuple.of(2, Arbitraries.of(HAIDIAN, XICHENG, CHAOYANG, "NB:130000")), Tuple.of(1, Arbitraries.just("NB:1")));
        Arbitrary<String> name = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just("儿童")), Tuple.of(1, Arbitraries.just("")));
        return Combinators.combine(targets(), schools(), inItsDistrict, Arbitraries.of(DISTRICTS), route, otherHousehold, name, actors())
                .as((target, school, inDistrict, randomDistrict, r, household, n, actor) -> {
                    School s = SEASON.school(school).orElseThrow();
                    String district = inDistrict ? s.district() : randomDistrict;
                    String routeText = r.equals("AUTO") ? (s.boarding() ? "BOARDING" : null) : r.equals("-") ? null : r;
                    return new Move("register " + target + " " + district + "/" + school + " " + routeText + " hh=" + household
                            + " name='" + n + "' by " + actor, w -> {
                                Kid kid = POOL.get(w.resolve(target, null));
                                String h = household.equals("-") ? kid.household() : household;
                                return new Given(actor(actor, () -> "GUARDIAN"), new Register(kid.id(), n, h, district, school, routeText));
                            });
                });
    }

    private static Arbitrary<Move> amend() {
        return Combinators.combine(targets(), Arbitraries.of("改名", "").injectNull(0.5), Arbitraries.of(HAIDIAN, "NB:130000").injectNull(0.7),
                        schools().injectNull(0.4), actors())
                .as((target, name, household, school, actor) -> new Move(
                        "amend " + target + " name=" + name + " hh=" + household + " school=" + school + " by " + actor,
                        w -> new Given(actor(actor, () -> "GUARDIAN"),
                                new Amend(POOL.get(w.resolve(target, Step.AMEND)).id(), name, household, school))));
    }

    private static Arbitrary<Move> verify() {
        Arbitrary<String> docs = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("all")),
                Tuple.of(1, Arbitraries.of("beijing", "five", "some", "none")));
        Arbitrary<String> result = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just("pass")), Tuple.of(1, Arbitraries.just("fail")));
        return Combinators.combine(targets(), result, docs, Arbitraries.of("材料不全", "").injectNull(0.2), actors())
                .as((target, r, documents, reason, actor) -> new Move(
                        "verify " + target + " " + r + " docs=" + documents + " reason=" + reason + " by " + actor, w -> {
                            int kid = w.resolve(target, Step.VERIFY_PASS);
                            return new Given(actor(actor, () -> w.schoolActor(kid)),
                                    new Verify(POOL.get(kid).id(), r, documents(documents, POOL.get(kid)), "pass".equals(r) ? null : reason));
                        }));
    }

    private static List<String> documents(String which, Kid kid) {
        Set<Document> set = switch (which) {
            case "all" -> kid.household().startsWith("NB:") ? ReferencePolicies.NON_BEIJING_DOCUMENTS : ReferencePolicies.BEIJING_DOCUMENTS;
            case "beijing" -> ReferencePolicies.BEIJING_DOCUMENTS;
            case "five" -> ReferencePolicies.NON_BEIJING_DOCUMENTS;
            case "some" -> EnumSet.of(Document.HUKOU);
            default -> EnumSet.noneOf(Document.class);
        };
        return set.stream().map(Enum::name).sorted().toList();
    }

    private static Arbitrary<Move> approve() {
        Arbitrary<Move> whole = schoolStep(school -> new Approve(school, null), "approve-school", RegistrationState.UNDER_REVIEW,
                school -> "DISTRICT:" + SEASON.school(school).orElseThrow().district());
        Arbitrary<Move> one = childStep(kid -> new Approve(null, kid), "approve", Step.APPROVE, World::districtActor);
        return Arbitraries.oneOf(whole, one);
    }

    private static Arbitrary<Move> reasoned(BiFunction<String, String, Command> make, String label, Step step) {
        return Combinators.combine(targets(), Arbitraries.of("材料不符", "family moved").injectNull(0.1), actors())
                .as((target, reason, actor) -> new Move(label + " " + target + " reason=" + reason + " by " + actor, w -> {
                    int kid = w.resolve(target, step);
                    return new Given(actor(actor, () -> w.districtActor(kid)), make.apply(POOL.get(kid).id(), reason));
                }));
    }

    private static Arbitrary<Move> boardingDecide() {
        return Combinators.combine(targets(), Arbitraries.of("admit", "reject"), actors())
                .as((target, result, actor) -> new Move("boarding-decide " + target + " " + result + " by " + actor, w -> {
                    int kid = w.resolve(target, Step.BOARDING_ADMIT);
                    return new Given(actor(actor, () -> w.schoolActor(kid)), new BoardingDecide(POOL.get(kid).id(), result));
                }));
    }

    private static Arbitrary<Move> coBuildList() {
        Arbitrary<List<Integer>> listed = Arbitraries.integers().between(0, POOL.size() - 1).list().ofMinSize(1).ofMaxSize(4).uniqueElements();
        Arbitrary<String> school = Arbitraries.of("HD001", "XC001", "HD002");
        Arbitrary<String> unit = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(RIGHT)), Tuple.of(1, Arbitraries.just("COBUILD:U-FAKE")),
                Tuple.of(1, Arbitraries.of(ACTORS)));
        return Combinators.combine(listed, school, unit)
                .as((kids, s, actor) -> new Move("cobuild-list " + s + " #" + kids + " by " + actor,
                        w -> new Given(actor(actor, () -> "COBUILD:U-ACAD"), new CoBuildListing(s, kids.stream()
                                .map(k -> new ListedChildText(POOL.get(k).id(), "共建" + k, POOL.get(k).household())).toList()))));
    }

    /** A selection of places on the list waiting at the school, or of pool children when none waits. */
    private static Arbitrary<Move> coBuildSelect() {
        Arbitrary<List<Integer>> picks = Arbitraries.integers().between(0, 3).list().ofMinSize(1).ofMaxSize(3).uniqueElements();
        return Combinators.combine(picks, Arbitraries.of("HD001", "XC001", "HD002"), actors())
                .as((positions, school, actor) -> new Move("cobuild-select " + school + " places " + positions + " by " + actor,
                        w -> new Given(actor(actor, () -> "SCHOOL:" + school), new CoBuildSelect(w.pick(school, positions)))));
    }

    /** A command about one child of the pool. */
    private static Arbitrary<Move> childStep(Function<String, Command> make, String label, Step step,
                                            BiFunction<World, Integer, String> rightActor) {
        return Combinators.combine(targets(), actors())
                .as((target, actor) -> new Move(label + " " + target + " by " + actor, w -> {
                    int kid = w.resolve(target, step);
                    return new Given(actor(actor, () -> rightActor.apply(w, kid)), make.apply(POOL.get(kid).id()));
                }));
    }

    /** A command about a whole school, acting on its registrations in one state. */
    private static Arbitrary<Move> schoolStep(Function<String, Command> make, String label, RegistrationState actsOn,
                                             Function<String, String> rightActor) {
        return Combinators.combine(targets(), actors())
                .as((target, actor) -> new Move(label + " school " + target + " by " + actor, w -> {
                    String school = w.resolveSchool(target, actsOn);
                    return new Given(actor(actor, () -> rightActor.apply(school)), make.apply(school));
                }));
    }

    // ---- the model ----

    /**
     * A child of the pool.
     *
     * @param id the resident ID
     * @param household the household as a command writes it
     */
    record Kid(String id, String household) {
    }

    /** How a command picks its child. */
    enum Pick {
        /** Any child of the pool. */
        ANY,
        /** A child holding a registration that is not WITHDRAWN. */
        HOLDING,
        /**
         * A child whose registration allows the command's step (for a register: one holding none); a school
         * with registrations in the state the command acts on.
         */
        READY
    }

    /**
     * The child a command is about, found in the world when the command is given: the n-th (round robin)
     * of the children the pick allows, or the n-th of the pool when it allows none.
     *
     * @param pick how the child is picked
     * @param n which one
     */
    record Target(Pick pick, int n) {

        @Override
        public String toString() {
            return pick.name().toLowerCase(Locale.ROOT) + "#" + n;
        }
    }

    /**
     * A command to give, its actor and content worked out against the world when it is given.
     *
     * @param label how the chain shows it
     * @param given the actor and command, for the world as it is
     */
    record Move(String label, Function<World, Given> given) {
    }

    /**
     * An actor and a command.
     *
     * @param actor the actor, in written form
     * @param command the command
     */
    record Given(String actor, Command command) {
    }

    /**
     * A command given and what the registry decided.
     *
     * @param given the actor and command
     * @param decision the decision
     */
    record Handled(Given given, Decision decision) {
    }

    /** The registry under test, its clock, and what the checks remember between steps. */
    /** The child key of every world's registry. */
    static final byte[] CHILD_KEY = new byte[16];

    static final class World {

        private final String policies;
        private final MutableClock clock = new MutableClock(OPENS.plus(Duration.ofHours(9)));
        private final Registry registry;
        private final Tally tally;
        private final Map<RegistrationNumber, ResidentId> issued = new HashMap<>();
        private StoreSnapshot now;
        private Set<ResidentId> touched = Set.of();
        private long commands;

        World(PolicyEngine policies, RegistrationStore store, Tally tally) {
            this.policies = policies.getClass().getSimpleName();
            this.registry = Registry.builder(SEASON, policies).store(store).clock(clock).clockBound(ChronoUnit.FOREVER.getDuration())
                    .childKey(CHILD_KEY).build();
            this.tally = tally;
            this.now = StoreSnapshot.of(registry);
        }

        /** Gives the command, checks what must hold of every single command, and tells what was given and decided. */
        Handled give(Move move) {
            Given given = move.given().apply(this);
            String actor = given.actor();
            Command command = given.command();
            StoreSnapshot before = now;
            long entries = registry.audit().head().count();

            Decision d = registry.handle(actor, command);
            commands++;
            touched = Set.of();
            now = StoreSnapshot.of(registry);

            assertThat(registry.audit().head().count()).as("audit entries after %s", move.label()).isEqualTo(entries + 1);
            assertThat(d.auditSequence()).isEqualTo(entries);
            String shown = registry.audit().entries(entries, entries + 1).get(0).body()
                    + d.reasons().stream().map(r -> r.messageEn() + r.messageZh()).collect(Collectors.joining());
            for (Kid kid : POOL) {
                assertThat(shown).as("no raw resident ID in the audit entry or messages of %s", move.label()).doesNotContain(kid.id());
            }
            if (d.isAccepted()) {
                assertThat(d.reasonCodes()).allMatch(ReasonCode::isAdvice);
                if (command.kind() == CommandKind.FILE) {
                    assertThat(actor).as("only the city files").isEqualTo("CITY");
                }
                movedExactlyWhatItNames(move, command, d, before);
            } else {
                assertThat(now).as("store after refused %s: %s", move.label(), d.reasonCodes()).isEqualTo(before);
            }
            tally.count(policies + ": " + command.kind().text() + " " + d.outcome());
            d.reasonCodes().forEach(code -> tally.count(policies + ":   reason " + code));
            return new Handled(given, d);
        }

        /** The clock the registry reads. */
        MutableClock clock() {
            return clock;
        }

        /** The registry under test. */
        Registry registry() {
            return registry;
        }

        /**
         * An accepted command changed exactly the registrations its decision names, each as the decision shows
         * it, created the new ones with numbers never issued before, and touched no co-build list unless it
         * was a co-build command.
         */
        private void movedExactlyWhatItNames(Move move, Command command, Decision d, StoreSnapshot before) {
            Map<RegistrationNumber, Registration> changed = new TreeMap<>();
            now.registrations().forEach((number, r) -> {
                if (!r.equals(before.registrations().get(number))) {
                    changed.put(number, r);
                }
            });
            assertThat(before.registrations().keySet()).as("no registration disappears in %s", move.label())
                    .isSubsetOf(now.registrations().keySet());
            Map<RegistrationNumber, Registration> named = new TreeMap<>();
            d.registrations().forEach(r -> named.put(r.number(), r));
            assertThat(named).as("%s named %d registrations", move.label(), d.registrations().size()).hasSize(d.registrations().size());
            assertThat(changed).as("the registrations %s changed, as its decision shows them", move.label()).isEqualTo(named);
            touched = changed.values().stream().map(Registration::child).collect(Collectors.toSet());
            for (RegistrationNumber number : named.keySet()) {
                if (!before.registrations().containsKey(number)) {
                    assertThat(issued).as("a new registration's number %s", number).doesNotContainKey(number);
                }
            }
            if (command.kind() != CommandKind.COBUILD_LIST && command.kind() != CommandKind.COBUILD_SELECT) {
                assertThat(now.waitingLists()).as("co-build lists after %s", move.label()).isEqualTo(before.waitingLists());
            }
        }

        /** Counts the chain, its commands, whether it ended after the window closed, and the states its registrations ended in. */
        void tallyTheEnd() {
            tally.count(policies + ": ~ chains");
            tally.count(policies + ": ~ commands", commands);
            tally.fewest(policies + ": ~ fewest commands in a chain", commands);
            if (!SEASON.isWindowOpen(clock.instant())) {
                tally.count(policies + ": ~ chains ending after the window closed");
            }
            all().forEach(r -> tally.count(policies + ": ~ registrations ending " + r.state()));
        }

        /**
         * The pool index of the child the target names, in the world as it is now: among the children the
         * pick allows or, when there are none, among those holding a registration, or else the whole pool.
         */
        int resolve(Target target, Step step) {
            List<Integer> holding = new ArrayList<>();
            List<Integer> ready = new ArrayList<>();
            for (int k = 0; k < POOL.size(); k++) {
                Optional<Registration> r = registration(k).filter(Registration::isActive);
                if (r.isPresent()) {
                    holding.add(k);
                }
                if (step == null ? r.isEmpty() : r.map(x -> x.state().allows(step)).orElse(false)) {
                    ready.add(k);
                }
            }
            List<Integer> candidates = switch (target.pick()) {
                case ANY -> List.of();
                case HOLDING -> holding;
                case READY -> ready.isEmpty() ? holding : ready;
            };
            return candidates.isEmpty() ? target.n() : candidates.get(target.n() % candidates.size());
        }

        /** The school the target names: among those with registrations in the state the command acts on, or any. */
        String resolveSchool(Target target, RegistrationState state) {
            List<String> candidates = new ArrayList<>();
            for (School s : SCHOOLS) {
                boolean fits = switch (target.pick()) {
                    case ANY -> false;
                    case HOLDING -> all().stream().anyMatch(r -> r.school().equals(s.code()));
                    case READY -> all().stream().anyMatch(r -> r.school().equals(s.code()) && r.state() == state);
                };
                if (fits) {
                    candidates.add(s.code());
                }
            }
            return candidates.isEmpty() ? SCHOOLS.get(target.n() % SCHOOLS.size()).code() : candidates.get(target.n() % candidates.size());
        }

        /** The school of the child's registration, as the actor that may act on it; HD001 when it has none. */
        String schoolActor(Integer kid) {
            return "SCHOOL:" + registration(kid).map(Registration::school).orElse("HD001");
        }

        /** The district of the child's registration, as the actor that may act on it; Haidian when it has none. */
        String districtActor(Integer kid) {
            return "DISTRICT:" + registration(kid).map(Registration::district).orElse(HAIDIAN);
        }

        /** The children at these places of the list waiting at the school, or pool children when none waits. */
        List<String> pick(String school, List<Integer> positions) {
            Optional<CoBuildList> waiting = now.waitingLists().get(school);
            List<String> picked = new ArrayList<>();
            for (int p : positions) {
                String id = waiting.map(l -> l.children().get(p % l.children().size()).child().value())
                        .orElse(POOL.get(p).id());
                if (!picked.contains(id)) {
                    picked.add(id);
                }
            }
            return picked;
        }

        /**
         * The child's registration that is not WITHDRAWN or else its latest, as the last command left them (read
         * from the snapshot, not the store, to spare a database the queries: it only steers the generator).
         */
        private Optional<Registration> registration(int kid) {
            ResidentId child = ResidentId.of(POOL.get(kid).id());
            Comparator<Registration> latest = Comparator.comparing((Registration r) -> r.isActive())
                    .thenComparing(r -> r.history().get(0).at()).thenComparing(Registration::number);
            return all().stream().filter(r -> r.child().equals(child)).max(latest);
        }

        /** Every registration, as the last command left them. */
        private Collection<Registration> all() {
            return now.registrations().values();
        }

        /**
         * No child holds two active registrations; the children the last command touched are also looked up by
         * child (the store's index, not its full scan) and found the same, only the latest active.
         */
        void oneActiveRegistrationPerChild() {
            Map<ResidentId, Long> active = all().stream().filter(Registration::isActive)
                    .collect(Collectors.groupingBy(Registration::child, Collectors.counting()));
            assertThat(active.values()).allMatch(n -> n == 1);
            for (ResidentId child : touched) {
                List<Registration> history = registry.registrationsOf(child);
                assertThat(history).as("the registrations of %s, looked up by child", child)
                        .containsExactlyInAnyOrderElementsOf(all().stream().filter(r -> r.child().equals(child)).toList());
                assertThat(history.subList(0, history.size() - 1)).as("%s: only the latest may be active", child)
                        .noneMatch(Registration::isActive);
            }
        }

        void numbersNeverReused() {
            Collection<Registration> all = all();
            for (Registration r : all) {
                ResidentId first = issued.putIfAbsent(r.number(), r.child());
                assertThat(first == null || first.equals(r.child())).as("number %s stays with its child", r.number()).isTrue();
                assertThat(r.number().district()).isEqualTo(r.district());
            }
            assertThat(all).as("no registration ever disappears").hasSize(issued.size());
        }

        void historyFollowsTheLifecycle() {
            for (Registration r : all()) {
                List<RegistrationEvent> h = r.history();
                assertThat(h.get(0).step()).isNull();
                assertThat(h.get(0).state()).isEqualTo(r.route() == Route.CO_BUILD ? RegistrationState.PRE_ADMITTED : RegistrationState.SUBMITTED);
                for (int i = 1; i < h.size(); i++) {
                    assertThat(h.get(i - 1).state().after(h.get(i).step())).as("%s step %d", r, i).contains(h.get(i).state());
                    assertThat(h.get(i).at()).isAfterOrEqualTo(h.get(i - 1).at());
                }
                assertThat(h.get(h.size() - 1).state()).isEqualTo(r.state());
                assertThat(r.version()).isEqualTo(h.size());
                List<RegistrationState> went = h.stream().map(RegistrationEvent::state).toList();
                if (r.state() == RegistrationState.FILED) {
                    assertThat(went).as("%s", r).contains(RegistrationState.ADMITTED, RegistrationState.APPROVED);
                }
                if (r.state() == RegistrationState.ADMITTED) {
                    assertThat(went).as("%s", r).contains(RegistrationState.APPROVED);
                }
            }
        }

        void noSchoolPastItsPlan() {
            Map<String, Long> taken = all().stream().filter(r -> r.state().occupiesPlace())
                    .collect(Collectors.groupingBy(Registration::school, Collectors.counting()));
            for (School s : SCHOOLS) {
                long n = taken.getOrDefault(s.code(), 0L);
                assertThat(n).as("places taken at %s", s.code()).isLessThanOrEqualTo(s.plan());
                assertThat(now.placesTaken().get(s.code())).as("places the store counts at %s", s.code()).isEqualTo((int) n);
            }
        }

        void auditLogComplete() {
            assertThat(registry.audit().head().count()).isEqualTo(commands);
            assertThat(registry.audit().verify().intact()).isTrue();
        }

        @Override
        public String toString() {
            return "World[" + policies + ", " + registry.store() + ", " + clock.instant() + ", " + commands + " commands, " + all() + "]";
        }
    }

    /** What the chains of a property did, counted across its tries, printed when the property class is done. */
    static final class Tally {

        private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
        private final Map<String, LongAccumulator> fewest = new ConcurrentHashMap<>();

        /** Counts one of what. */
        void count(String what) {
            count(what, 1);
        }

        /** Counts n of what. */
        void count(String what, long n) {
            counts.computeIfAbsent(what, k -> new LongAdder()).add(n);
        }

        /** Keeps the smallest n seen of what. */
        void fewest(String what, long n) {
            fewest.computeIfAbsent(what, k -> new LongAccumulator(Math::min, Long.MAX_VALUE)).accumulate(n);
        }

        /** The counts, sorted by what, under a title. */
        String report(String title) {
            Map<String, Long> sorted = new TreeMap<>();
            counts.forEach((k, v) -> sorted.put(k, v.sum()));
            fewest.forEach((k, v) -> sorted.put(k, v.get()));
            StringBuilder b = new StringBuilder(title).append(":\n");
            sorted.forEach((k, v) -> b.append(String.format("  %-70s %8d%n", k, v)));
            return b.toString();
        }
    }
}
