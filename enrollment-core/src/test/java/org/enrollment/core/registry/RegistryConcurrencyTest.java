package org.enrollment.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.CoBuildListing;
import org.enrollment.core.command.CoBuildSelect;
import org.enrollment.core.command.Command;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.ListedChildText;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.Release;
import org.enrollment.core.command.SubmitList;
import org.enrollment.core.command.Tick;
import org.enrollment.core.command.Untick;
import org.enrollment.core.command.Verify;
import org.enrollment.core.command.Withdraw;
import org.enrollment.core.fixture.ChildIds;
import org.enrollment.core.fixture.MutableClock;
import org.enrollment.core.fixture.PermissivePolicies;
import org.enrollment.core.policy.PolicyEngine;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationNumber;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.registration.Route;
import org.enrollment.core.season.CoBuildAgreement;
import org.enrollment.core.season.District;
import org.enrollment.core.season.DistrictCatalog;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The store settles races: many threads registering the same child from all sixteen districts at once get
 * exactly one registration; many threads ticking for a school's last places get exactly the plan; random
 * commands from sixteen threads at once leave every invariant intact; lists of one co-build unit given at once
 * take no more than its quota. Run with a policy double that accepts everything (so that only the store can
 * catch the race) and with the reference policies.
 */
class RegistryConcurrencyTest {

    private static final int THREADS = 64;
    private static final int ROUNDS = 20;
    private static final int PLAN = 5;
    private static final int TICKERS = 48;
    private static final int QUOTA = 3;
    private static final String STORE_DUPLICATE = "store: one active registration per child";
    private static final String STORE_PLAN = "store: school plan";

    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stopThePool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    /** Whether only the store can tell (the policies accept everything) or the reference policies judge too. */
    private static PolicyEngine policies(boolean onlyTheStore) {
        return onlyTheStore ? new PermissivePolicies() : new ReferencePolicies();
    }

    @ParameterizedTest(name = "only the store can tell: {0}")
    @ValueSource(booleans = {true, false})
    void exactlyOneOfSixtyFourRegistrationsFromAllDistrictsWins(boolean onlyTheStore) throws Exception {
        registerTheSameChildFromAllDistricts(policies(onlyTheStore), onlyTheStore);
    }

    @ParameterizedTest(name = "only the store can tell: {0}")
    @ValueSource(booleans = {true, false})
    void exactlyThePlanWinsARaceOfTicks(boolean onlyTheStore) throws Exception {
        tickForTheLastPlaces(policies(onlyTheStore), onlyTheStore);
    }

    private void registerTheSameChildFromAllDistricts(PolicyEngine policies, boolean onlyTheStore) throws Exception {
        Registry registry = registry(policies);
        List<District> districts = DistrictCatalog.beijing().all();
        String child = ChildIds.eligible("110108", 7);
        Set<RegistrationNumber> winners = new HashSet<>();
        int caughtByStore = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<Callable<Decision>> attempts = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String district = districts.get(t % districts.size()).code();
                attempts.add(() -> registry.handle("GUARDIAN", new Register(child, "并发", "110108", district, "S" + district, null)));
            }
            List<Decision> decisions = allAtOnce(attempts);

            List<Decision> accepted = decisions.stream().filter(Decision::isAccepted).toList();
            assertThat(accepted).as("round %d", round).hasSize(1);
            assertThat(decisions).filteredOn(d -> !d.isAccepted()).hasSize(THREADS - 1)
                    .allSatisfy(d -> assertThat(d.reasonCodes()).containsExactly(ReasonCode.DUPLICATE_REGISTRATION));
            long byStore = decisions.stream().filter(d -> !d.isAccepted())
                    .filter(d -> d.reasons().get(0).rule().equals(STORE_DUPLICATE)).count();
            if (onlyTheStore) {
                assertThat(byStore).isEqualTo(THREADS - 1);
            }
            caughtByStore += (int) byStore;
            List<Registration> all = registry.registrationsOf(ResidentId.of(child));
            assertThat(all.stream().filter(Registration::isActive)).as("round %d", round).hasSize(1);
            assertThat(winners.add(accepted.get(0).registrations().get(0).number())).isTrue();

            assertThat(registry.handle("GUARDIAN", new Withdraw(child)).isAccepted()).isTrue();
        }

        assertThat(registry.registrationsOf(ResidentId.of(child))).hasSize(ROUNDS)
                .allSatisfy(r -> assertThat(r.state()).isEqualTo(RegistrationState.WITHDRAWN));
        assertThat(registry.audit().head().count()).isEqualTo((long) ROUNDS * (THREADS + 1));
        assertThat(registry.audit().verify().intact()).isTrue();
        System.out.printf("register race (%s): %d rounds x %d threads from %d districts, 1 winner a round, "
                        + "%d distinct numbers, %d of %d losers caught by the store, %d by the policy%n",
                policies.getClass().getSimpleName(), ROUNDS, THREADS, districts.size(), winners.size(), caughtByStore,
                ROUNDS * (THREADS - 1), ROUNDS * (THREADS - 1) - caughtByStore);
    }

    private void tickForTheLastPlaces(PolicyEngine policies, boolean onlyTheStore) throws Exception {
        int caughtByStore = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Registry registry = registry(policies);
            List<String> children = new ArrayList<>();
            for (int i = 0; i < TICKERS; i++) {
                String child = ChildIds.eligible("110105", i);
                children.add(child);
                assertThat(registry.handle("GUARDIAN", new Register(child, "抢位", "110105", "110105", "RACE", null)).isAccepted()).isTrue();
                assertThat(registry.handle("SCHOOL:RACE", new Verify(child, "pass", List.of("HUKOU", "BIRTH", "HOME"), null))
                        .isAccepted()).isTrue();
            }
            List<Callable<Decision>> ticks = new ArrayList<>();
            for (String child : children) {
                ticks.add(() -> registry.handle("SCHOOL:RACE", new Tick(child)));
            }
            List<Decision> decisions = allAtOnce(ticks);

            assertThat(decisions.stream().filter(Decision::isAccepted)).as("round %d", round).hasSize(PLAN);
            assertThat(decisions).filteredOn(d -> !d.isAccepted()).hasSize(TICKERS - PLAN)
                    .allSatisfy(d -> assertThat(d.reasonCodes()).containsExactly(ReasonCode.PLAN_FULL));
            long byStore = decisions.stream().filter(d -> !d.isAccepted())
                    .filter(d -> d.reasons().get(0).rule().equals(STORE_PLAN)).count();
            if (onlyTheStore) {
                assertThat(byStore).isEqualTo(TICKERS - PLAN);
            }
            caughtByStore += (int) byStore;
            assertThat(registry.store().placesTaken("RACE")).isEqualTo(PLAN);
            assertThat(registry.registrationsAt("RACE").stream().filter(r -> r.state().occupiesPlace())).hasSize(PLAN);
            assertThat(registry.audit().verify().intact()).isTrue();
        }
        System.out.printf("tick race (%s): %d rounds x %d threads for a plan of %d, %d winners a round, "
                        + "%d of %d losers caught by the store, %d by the policy%n",
                policies.getClass().getSimpleName(), ROUNDS, TICKERS, PLAN, PLAN, caughtByStore,
                ROUNDS * (TICKERS - PLAN), ROUNDS * (TICKERS - PLAN) - caughtByStore);
    }

    @Test
    void aCoBuildUnitsListsGivenAtOnceTakeNoMoreThanItsQuotaWhenOnlyTheStoreCanTell() throws Exception {
        giveOneUnitsListsAtOnce(new PermissivePolicies());
    }

    @Test
    void aCoBuildUnitsListsGivenAtOnceTakeNoMoreThanItsQuotaUnderTheReferencePolicies() throws Exception {
        giveOneUnitsListsAtOnce(new ReferencePolicies());
    }

    private void giveOneUnitsListsAtOnce(PolicyEngine policies) throws Exception {
        int lists = 16;
        int waited = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Registry registry = registry(policies);
            List<Callable<Decision>> listings = new ArrayList<>();
            for (int i = 0; i < lists; i++) {
                String child = ChildIds.eligible("110105", 200 + i);
                listings.add(() -> registry.handle("COBUILD:U-RACE", new CoBuildListing("RACE", List.of(new ListedChildText(child, "共建", "110105")))));
            }
            List<Decision> decisions = allAtOnce(listings);

            List<Registration> coBuild = registry.registrationsAt("RACE").stream()
                    .filter(r -> r.isActive() && r.route() == Route.CO_BUILD).toList();
            assertThat(coBuild).as("round %d: the unit's registrations at RACE", round).hasSize(QUOTA);
            assertThat(decisions.stream().filter(d -> !d.registrations().isEmpty())).as("round %d", round).hasSize(QUOTA);
            assertThat(decisions).allSatisfy(d -> assertThat(d.isAccepted()).as("%s", d.reasonCodes()).isTrue());
            assertThat(registry.store().waitingList("RACE")).isPresent();
            assertThat(registry.audit().verify().intact()).isTrue();
            waited += lists - QUOTA;
        }
        System.out.printf("co-build race (%s): %d rounds x %d one-child lists of one unit with a quota of %d, %d created a round, "
                + "%d lists left waiting%n", policies.getClass().getSimpleName(), ROUNDS, lists, QUOTA, QUOTA, waited);
    }

    @Test
    void randomCommandsFromManyThreadsAtOnceKeepEveryInvariant() throws Exception {
        for (PolicyEngine policies : List.of(new PermissivePolicies(), new ReferencePolicies())) {
            Registry registry = registry(policies);
            List<String> children = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                children.add(ChildIds.eligible("110105", 100 + i));
            }
            int perThread = 400;
            List<Callable<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                long seed = 1000L * t + 7;
                workers.add(() -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < perThread; i++) {
                        String child = children.get(random.nextInt(children.size()));
                        registry.handle(randomActor(random), randomCommand(random, child));
                    }
                    return perThread;
                });
            }
            int given = allAtOnce(workers).stream().mapToInt(Integer::intValue).sum();

            List<Registration> all = new ArrayList<>();
            registry.store().forEach(all::add);
            assertThat(all.stream().filter(Registration::isActive).collect(Collectors.groupingBy(
                    Registration::child, Collectors.counting())).values()).allMatch(n -> n == 1);
            long taken = all.stream().filter(r -> r.school().equals("RACE") && r.state().occupiesPlace()).count();
            assertThat(taken).isLessThanOrEqualTo(PLAN).isEqualTo(registry.store().placesTaken("RACE"));
            for (Registration r : all) {
                for (int i = 1; i < r.history().size(); i++) {
                    assertThat(r.history().get(i - 1).state().after(r.history().get(i).step())).contains(r.history().get(i).state());
                }
            }
            assertThat(registry.audit().head().count()).isEqualTo(given);
            assertThat(registry.audit().verify().intact()).isTrue();
            System.out.printf("random commands (%s): %d from 16 threads, %d registrations, %d places of %d taken at RACE%n",
                    policies.getClass().getSimpleName(), given, all.size(), taken, PLAN);
        }
    }

    private static String randomActor(Random random) {
        return List.of("GUARDIAN", "SCHOOL:RACE", "DISTRICT:110105", "CITY", "COBUILD:U-RACE").get(random.nextInt(5));
    }

    private static Command randomCommand(Random random, String child) {
        switch (random.nextInt(12)) {
            case 0:
            case 1:
                return new Register(child, "随机", "110105", "110105", "RACE", null);
            case 2:
                return new Withdraw(child);
            case 3:
            case 4:
                return new Verify(child, "pass", List.of("HUKOU", "BIRTH", "HOME"), null);
            case 5:
            case 6:
                return new Tick(child);
            case 7:
                return new Untick(child);
            case 8:
                return new SubmitList();
            case 9:
                return new Release(child, "随机释放");
            case 10:
                return new CoBuildListing("RACE", List.of(
                        new ListedChildText(child, "共建", "110105")));
            default:
                return new CoBuildSelect(List.of(child));
        }
    }

    /** Runs every task on its own thread, all released at once by a start gate once all are waiting at it. */
    private <T> List<T> allAtOnce(List<Callable<T>> tasks) throws Exception {
        CountDownLatch ready = new CountDownLatch(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                start.await();
                return task.call();
            }));
        }
        assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    /**
     * A season with one school in each of Beijing's sixteen districts (plenty of room) and RACE (plan 5) in
     * Chaoyang, where co-build unit U-RACE has a quota of 3.
     */
    private static Registry registry(PolicyEngine policies) {
        List<School> schools = new ArrayList<>();
        for (District d : DistrictCatalog.beijing().all()) {
            schools.add(new School("S" + d.code(), d.name() + "小学", d.code(), 1000, false));
        }
        schools.add(new School("RACE", "抢位小学", "110105", PLAN, false));
        Season season = new Season(2014, OffsetDateTime.parse("2014-05-05T00:00:00+08:00").toInstant(),
                OffsetDateTime.parse("2014-06-01T00:00:00+08:00").toInstant(), 0, DistrictCatalog.beijing(), schools,
                List.of(new CoBuildAgreement("U-RACE", "RACE", QUOTA)));
        MutableClock clock = MutableClock.at("2014-05-06T09:00:00+08:00");
        return Registry.builder(season, policies).clock(clock).build();
    }
}
