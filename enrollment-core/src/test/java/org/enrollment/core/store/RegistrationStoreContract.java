package org.enrollment.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enrollment.core.store.StoreFixtures.BIG_SCHOOL;
import static org.enrollment.core.store.StoreFixtures.CHAOYANG;
import static org.enrollment.core.store.StoreFixtures.CHAOYANG_SCHOOL;
import static org.enrollment.core.store.StoreFixtures.HAIDIAN;
import static org.enrollment.core.store.StoreFixtures.NOW;
import static org.enrollment.core.store.StoreFixtures.SMALL_PLAN;
import static org.enrollment.core.store.StoreFixtures.SMALL_SCHOOL;
import static org.enrollment.core.store.StoreFixtures.UNIT;
import static org.enrollment.core.store.StoreFixtures.YEAR;
import static org.enrollment.core.store.StoreFixtures.child;
import static org.enrollment.core.store.StoreFixtures.coBuild;
import static org.enrollment.core.store.StoreFixtures.online;
import static org.enrollment.core.store.StoreFixtures.plans;
import static org.enrollment.core.store.StoreFixtures.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.time.temporal.ChronoUnit;
import org.enrollment.core.audit.AuditEntry;
import org.enrollment.core.audit.AuditHead;
import org.enrollment.core.audit.AuditRecord;
import org.enrollment.core.child.Household;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.Admit;
import org.enrollment.core.command.Approve;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.FileStudentRecord;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.SubmitList;
import org.enrollment.core.command.Tick;
import org.enrollment.core.command.Verify;
import org.enrollment.core.command.Withdraw;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registration.CoBuildList;
import org.enrollment.core.registration.ListedChild;
import org.enrollment.core.registration.NewRegistration;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationNumber;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.registration.Route;
import org.enrollment.core.registration.Step;
import org.enrollment.core.registry.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RegistrationStore} must do, tested through the SPI and through a {@link Registry}: the
 * in-memory store, the JDBC store on H2 and on PostgreSQL each pass this same suite.
 */
public abstract class RegistrationStoreContract {

    /** The store under test, new and empty for each test. */
    protected RegistrationStore store;

    /** A new, empty store. */
    protected abstract RegistrationStore newStore();

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    // ---- numbers ----

    @Test
    void issuesDistinctWellFormedNumbersInTheDistrictAndYearOfEachRegistration() {
        List<Registration> first = committed(store.commit(ChangeSet.of(List.of(),
                List.of(online(child(1), HAIDIAN, BIG_SCHOOL), online(child(2), CHAOYANG, CHAOYANG_SCHOOL),
                        online(child(3), HAIDIAN, BIG_SCHOOL)), plans()), record("register"))).registrations();
        List<Registration> second = committed(store.commit(ChangeSet.of(List.of(),
                List.of(online(child(4), HAIDIAN, BIG_SCHOOL)), plans()), record("register"))).registrations();

        List<Registration> all = new ArrayList<>(first);
        all.addAll(second);
        assertThat(all).extracting(Registration::number).doesNotHaveDuplicates();
        assertThat(all).extracting(r -> r.number().district()).containsExactly(HAIDIAN, CHAOYANG, HAIDIAN, HAIDIAN);
        assertThat(all).allSatisfy(r -> {
            assertThat(r.number().value()).startsWith(r.district() + "-" + YEAR + "-");
            assertThat(new RegistrationNumber(r.number().value())).isEqualTo(r.number());
        });
        assertThat(all).extracting(Registration::child).containsExactly(child(1), child(2), child(3), child(4));
    }

    // ---- round trip ----

    @Test
    void givesBackEachRegistrationExactlyAsCommittedAfterEveryStep() {
        Registration r = register(child(1), HAIDIAN, SMALL_SCHOOL);
        r = step(r, r.take(Step.VERIFY_FAIL, NOW.plusSeconds(60), "材料不全: \"户口簿\" missing\nsecond line").orElseThrow());
        r = step(r, r.amend("王小明明", Household.of("NB:130000"), BIG_SCHOOL, NOW.plusSeconds(120)).orElseThrow());
        r = step(r, r.take(Step.VERIFY_PASS, Instant.parse("2025-05-11T00:00:00Z"), null).orElseThrow());
        r = step(r, r.take(Step.TICK, NOW.plusNanos(1), null).orElseThrow());

        assertThat(store.find(r.number())).contains(r);
        assertThat(store.ofChild(child(1))).containsExactly(r);
        assertThat(store.ofSchool(BIG_SCHOOL)).containsExactly(r);
        assertThat(r.version()).isEqualTo(5);
    }

    @Test
    void findsNothingForANumberNeverIssued() {
        assertThat(store.find(RegistrationNumber.of(HAIDIAN, YEAR, 424_242))).isEmpty();
        assertThat(store.ofChild(child(9))).isEmpty();
        assertThat(store.ofSchool(SMALL_SCHOOL)).isEmpty();
    }

    // ---- one active registration per child ----

    @Test
    void refusesASecondActiveRegistrationOfAChildAndWritesNothing() {
        Registration first = register(child(1), HAIDIAN, BIG_SCHOOL);
        AuditHead before = store.audit().head();

        CommitResult again = store.commit(ChangeSet.of(List.of(), List.of(online(child(1), CHAOYANG, CHAOYANG_SCHOOL)),
                plans()), record("register"));

        assertThat(again).isInstanceOfSatisfying(CommitResult.Conflict.class,
                c -> assertThat(c.kind()).isEqualTo(CommitResult.Conflict.Kind.DUPLICATE_REGISTRATION));
        assertThat(store.ofChild(child(1))).containsExactly(first);
        assertThat(store.ofSchool(CHAOYANG_SCHOOL)).isEmpty();
        assertThat(store.audit().head()).isEqualTo(before);
    }

    @Test
    void refusesTwoRegistrationsOfOneChildInOneChangeSet() {
        CommitResult both = store.commit(ChangeSet.of(List.of(), List.of(online(child(1), HAIDIAN, BIG_SCHOOL),
                online(child(2), HAIDIAN, BIG_SCHOOL), online(child(1), CHAOYANG, CHAOYANG_SCHOOL)), plans()), record("register"));

        assertThat(both).isInstanceOfSatisfying(CommitResult.Conflict.class,
                c -> assertThat(c.kind()).isEqualTo(CommitResult.Conflict.Kind.DUPLICATE_REGISTRATION));
        assertThat(store.ofChild(child(1))).isEmpty();
        assertThat(store.ofChild(child(2))).isEmpty();
        assertThat(store.audit().head().count()).isZero();
    }

    @Test
    void freesTheChildWhenItsRegistrationIsWithdrawnAndListsBothOldestFirst() {
        Registration first = register(child(1), HAIDIAN, BIG_SCHOOL);
        Registration withdrawn = step(first, first.take(Step.WITHDRAW, NOW.plusSeconds(1), null).orElseThrow());

        Registration second = register(child(1), CHAOYANG, CHAOYANG_SCHOOL);

        assertThat(second.number()).isNotEqualTo(first.number());
        assertThat(store.ofChild(child(1))).containsExactly(withdrawn, second);
    }

    @Test
    void letsOneChangeSetSupersedeAChildsRegistrationAndCreateItsNextOne() {
        Registration online = register(child(1), HAIDIAN, SMALL_SCHOOL);
        Registration superseded = online.take(Step.SUPERSEDE, NOW.plusSeconds(1), "co-build selection").orElseThrow();

        List<Registration> written = committed(store.commit(new ChangeSet(List.of(superseded),
                List.of(coBuild(child(1), BIG_SCHOOL)), plans(), null, null, null), record("cobuild-select"))).registrations();

        assertThat(written).hasSize(2);
        assertThat(written.get(0)).isEqualTo(superseded);
        assertThat(store.ofChild(child(1))).containsExactly(superseded, written.get(1));
        assertThat(written.get(1).state()).isEqualTo(RegistrationState.PRE_ADMITTED);
    }

    @Test
    void letsOnlyOneOfManyConcurrentRegistrationsOfTheSameChildIn() throws Exception {
        int children = 20;
        int threads = 4;
        ConcurrentLinkedQueue<CommitResult> results = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String district = t % 2 == 0 ? HAIDIAN : CHAOYANG;
                String school = t % 2 == 0 ? BIG_SCHOOL : CHAOYANG_SCHOOL;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < children; i++) {
                        results.add(store.commit(ChangeSet.of(List.of(), List.of(online(child(i), district, school)),
                                plans()), record("register")));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(results).filteredOn(r -> r instanceof CommitResult.Committed).hasSize(children);
        assertThat(results).filteredOn(r -> r instanceof CommitResult.Conflict)
                .allSatisfy(r -> assertThat(((CommitResult.Conflict) r).kind())
                        .isIn(CommitResult.Conflict.Kind.DUPLICATE_REGISTRATION, CommitResult.Conflict.Kind.STALE));
        for (int i = 0; i < children; i++) {
            assertThat(store.ofChild(child(i))).hasSize(1);
        }
        assertThat(store.audit().head().count()).isEqualTo(children);
        assertThat(store.audit().verify().intact()).isTrue();
    }

    // ---- versions ----

    @Test
    void refusesAnUpdateOfAVersionThatIsNoLongerStored() {
        Registration r = register(child(1), HAIDIAN, BIG_SCHOOL);
        Registration verified = step(r, r.take(Step.VERIFY_PASS, NOW, null).orElseThrow());
        Registration lateFail = r.take(Step.VERIFY_FAIL, NOW, "late").orElseThrow();
        AuditHead before = store.audit().head();

        CommitResult stale = store.commit(ChangeSet.of(List.of(lateFail), List.of(), plans()), record("verify"));

        assertThat(stale).isInstanceOfSatisfying(CommitResult.Conflict.class,
                c -> assertThat(c.kind()).isEqualTo(CommitResult.Conflict.Kind.STALE));
        assertThat(store.find(r.number())).contains(verified);
        assertThat(store.audit().head()).isEqualTo(before);
    }

    @Test
    void refusesAnUpdateOfARegistrationItDoesNotHold() {
        Registration stranger = Registration.create(RegistrationNumber.of(HAIDIAN, YEAR, 777), child(1), "王小明",
                Household.of(HAIDIAN), HAIDIAN, BIG_SCHOOL, Route.ONLINE, null,
                RegistrationState.SUBMITTED, NOW);

        CommitResult result = store.commit(ChangeSet.of(List.of(stranger.take(Step.WITHDRAW, NOW, null).orElseThrow()),
                List.of(), plans()), record("withdraw"));

        assertThat(result).isInstanceOfSatisfying(CommitResult.Conflict.class,
                c -> assertThat(c.kind()).isEqualTo(CommitResult.Conflict.Kind.STALE));
        assertThat(store.find(stranger.number())).isEmpty();
    }

    @Test
    void writesAChangeSetOfManyUpdatesWhollyOrNotAtAll() {
        List<Registration> verified = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Registration r = register(child(i), HAIDIAN, BIG_SCHOOL);
            verified.add(step(r, r.take(Step.VERIFY_PASS, NOW, null).orElseThrow()));
        }
        List<Registration> ticked = verified.stream().map(r -> r.take(Step.TICK, NOW, null).orElseThrow()).toList();
        List<Registration> oneStale = new ArrayList<>(ticked);
        oneStale.set(3, verified.get(3));

        CommitResult stale = store.commit(ChangeSet.of(oneStale, List.of(), plans()), record("tick"));
        assertThat(stale).isInstanceOf(CommitResult.Conflict.class);
        assertThat(verified).allSatisfy(r -> assertThat(store.find(r.number())).contains(r));
        assertThat(store.placesTaken(BIG_SCHOOL)).isZero();

        assertThat(committed(store.commit(ChangeSet.of(ticked, List.of(), plans()), record("tick"))).registrations())
                .isEqualTo(ticked);
        assertThat(ticked).allSatisfy(r -> assertThat(store.find(r.number())).contains(r));
        assertThat(store.placesTaken(BIG_SCHOOL)).isEqualTo(5);
    }

    // ---- plans ----

    @Test
    void refusesToTakeMorePlacesThanTheSchoolsPlanAndFreesOneOnUntick() {
        List<Registration> admitted = committed(store.commit(ChangeSet.of(List.of(),
                List.of(coBuild(child(1), SMALL_SCHOOL), coBuild(child(2), SMALL_SCHOOL)), plans()), record("cobuild-list")))
                .registrations();
        Registration waiting = register(child(3), HAIDIAN, SMALL_SCHOOL);
        waiting = step(waiting, waiting.take(Step.VERIFY_PASS, NOW, null).orElseThrow());
        Registration ticked = waiting.take(Step.TICK, NOW, null).orElseThrow();

        CommitResult full = store.commit(ChangeSet.of(List.of(ticked), List.of(), plans()), record("tick"));

        assertThat(full).isInstanceOfSatisfying(CommitResult.Conflict.class,
                c -> assertThat(c.kind()).isEqualTo(CommitResult.Conflict.Kind.PLAN_FULL));
        assertThat(store.placesTaken(SMALL_SCHOOL)).isEqualTo(SMALL_PLAN);
        assertThat(store.find(waiting.number()).orElseThrow().state()).isEqualTo(RegistrationState.VERIFIED);

        Registration admittedOne = admitted.get(0);
        step(admittedOne, admittedOne.take(Step.UNTICK, NOW, null).orElseThrow());
        assertThat(store.placesTaken(SMALL_SCHOOL)).isEqualTo(SMALL_PLAN - 1);
        step(waiting, ticked);
        assertThat(store.placesTaken(SMALL_SCHOOL)).isEqualTo(SMALL_PLAN);
    }

    @Test
    void countsPlacesTakenPerSchoolFromPreAdmissionOn() {
        assertThat(store.placesTaken(BIG_SCHOOL)).isZero();
        Registration r = register(child(1), HAIDIAN, BIG_SCHOOL);
        r = step(r, r.take(Step.VERIFY_PASS, NOW, null).orElseThrow());
        assertThat(store.placesTaken(BIG_SCHOOL)).isZero();
        r = step(r, r.take(Step.TICK, NOW, null).orElseThrow());
        r = step(r, r.take(Step.SUBMIT, NOW, null).orElseThrow());
        r = step(r, r.take(Step.APPROVE, NOW, null).orElseThrow());
        assertThat(store.placesTaken(BIG_SCHOOL)).isEqualTo(1);
        assertThat(store.placesTaken(SMALL_SCHOOL)).isZero();
        step(r, r.take(Step.ADMIT, NOW, null).orElseThrow());
        assertThat(store.placesTaken(BIG_SCHOOL)).isEqualTo(1);
    }

    @Test
    void listsARegistrationAtTheSchoolItNamesNowAfterAnAmendment() {
        Registration stays = register(child(1), HAIDIAN, SMALL_SCHOOL);
        Registration moves = register(child(2), HAIDIAN, SMALL_SCHOOL);
        moves = step(moves, moves.amend(moves.name(), moves.household(), BIG_SCHOOL, NOW).orElseThrow());

        assertThat(store.ofSchool(SMALL_SCHOOL)).containsExactly(stays);
        assertThat(store.ofSchool(BIG_SCHOOL)).containsExactly(moves);
    }

    // ---- co-build waiting lists ----

    @Test
    void keepsACoBuildListWaitingUntilAnotherReplacesIt() {
        CoBuildList given = waitingList(UNIT, child(1), child(2));
        commitWaiting(given, null);
        CoBuildList stored = store.waitingList(BIG_SCHOOL).orElseThrow();
        assertThat(stored.children()).isEqualTo(given.children());
        assertThat(stored.unit()).isEqualTo(UNIT);
        assertThat(stored.at()).isEqualTo(given.at());
        assertThat(stored.school()).isEqualTo(BIG_SCHOOL);

        commitWaiting(waitingList("U-OTHER", child(3)), null);

        CoBuildList replaced = store.waitingList(BIG_SCHOOL).orElseThrow();
        assertThat(replaced.id()).isNotEqualTo(stored.id());
        assertThat(replaced.unit()).isEqualTo("U-OTHER");
        assertThat(replaced.children()).extracting(ListedChild::child).containsExactly(child(3));
        assertThat(store.waitingList(SMALL_SCHOOL)).isEmpty();
    }

    @Test
    void endsTheWaitingListItWasSelectedFrom() {
        commitWaiting(waitingList(UNIT, child(1), child(2)), null);
        CoBuildList waiting = store.waitingList(BIG_SCHOOL).orElseThrow();

        CommitResult selected = store.commit(new ChangeSet(List.of(), List.of(coBuild(child(1), BIG_SCHOOL)), plans(),
                null, waiting, null), record("cobuild-select"));

        assertThat(selected).isInstanceOf(CommitResult.Committed.class);
        assertThat(store.waitingList(BIG_SCHOOL)).isEmpty();
        assertThat(store.placesTaken(BIG_SCHOOL)).isEqualTo(1);
    }

    @Test
    void refusesToEndAWaitingListThatWasReplacedMeanwhile() {
        commitWaiting(waitingList(UNIT, child(1), child(2)), null);
        CoBuildList read = store.waitingList(BIG_SCHOOL).orElseThrow();
        commitWaiting(waitingList(UNIT, child(1), child(3)), null);
        CoBuildList current = store.waitingList(BIG_SCHOOL).orElseThrow();

        CommitResult stale = store.commit(new ChangeSet(List.of(), List.of(coBuild(child(2), BIG_SCHOOL)), plans(),
                null, read, null), record("cobuild-select"));

        assertThat(stale).isInstanceOfSatisfying(CommitResult.Conflict.class,
                c -> assertThat(c.kind()).isEqualTo(CommitResult.Conflict.Kind.STALE));
        assertThat(store.waitingList(BIG_SCHOOL)).contains(current);
        assertThat(store.ofChild(child(2))).isEmpty();
    }

    @Test
    void refusesToEndAWaitingListWhenNoneWaits() {
        CoBuildList never = new CoBuildList(41, UNIT, BIG_SCHOOL, List.of(), NOW);

        CommitResult stale = store.commit(new ChangeSet(List.of(), List.of(), plans(), null, never, null), record("cobuild-select"));

        assertThat(stale).isInstanceOfSatisfying(CommitResult.Conflict.class,
                c -> assertThat(c.kind()).isEqualTo(CommitResult.Conflict.Kind.STALE));
    }

    @Test
    void writesACoBuildChangeOnlyWhileTheUnitsCountItWasJudgedOnHolds() {
        committed(store.commit(coBuildOf(0, child(1)), record("cobuild-list")));
        long entries = store.audit().head().count();

        CommitResult stale = store.commit(coBuildOf(0, child(2)), record("cobuild-list"));

        assertThat(stale).isInstanceOfSatisfying(CommitResult.Conflict.class, c -> {
            assertThat(c.kind()).isEqualTo(CommitResult.Conflict.Kind.STALE);
            assertThat(c.detail()).contains("now counts 1 at " + BIG_SCHOOL + ", not the 0 judged on");
        });
        assertThat(store.ofChild(child(2))).isEmpty();
        assertThat(store.placesTaken(BIG_SCHOOL)).isEqualTo(1);
        assertThat(store.audit().head().count()).isEqualTo(entries);

        committed(store.commit(coBuildOf(1, child(2)), record("cobuild-list")));
        assertThat(store.placesTaken(BIG_SCHOOL)).isEqualTo(2);
    }

    @Test
    void countsOnlyTheUnitsRegistrationsAtTheSchoolThatAreNotWithdrawn() {
        Registration first = committed(store.commit(coBuildOf(0, child(1)), record("cobuild-list"))).registrations().get(0);
        committed(store.commit(ChangeSet.of(List.of(), List.of(online(child(2), HAIDIAN, BIG_SCHOOL)), plans()), record("register")));
        NewRegistration otherUnit = new NewRegistration(YEAR, child(4), "李小红", Household.of("NB:130000"), HAIDIAN, BIG_SCHOOL,
                Route.CO_BUILD, "U-OTHER", RegistrationState.PRE_ADMITTED, NOW);
        committed(store.commit(ChangeSet.of(List.of(), List.of(otherUnit, coBuild(child(5), SMALL_SCHOOL)), plans()), record("cobuild-list")));
        step(first, first.take(Step.RELEASE, NOW.plusSeconds(1), "moved away").orElseThrow());

        committed(store.commit(coBuildOf(0, child(3)), record("cobuild-list")));
    }

    @Test
    void sendsAChangeJudgedOnAStaleCoBuildCountBackToBeJudgedEvenWhenThePlanIsAlsoFull() {
        committed(store.commit(new ChangeSet(List.of(), List.of(coBuild(child(1), SMALL_SCHOOL), coBuild(child(2), SMALL_SCHOOL)),
                plans(), null, null, new CoBuildCount(UNIT, SMALL_SCHOOL, 0)), record("cobuild-list")));
        assertThat(store.placesTaken(SMALL_SCHOOL)).isEqualTo(SMALL_PLAN);

        CommitResult stale = store.commit(new ChangeSet(List.of(), List.of(coBuild(child(3), SMALL_SCHOOL)), plans(), null, null,
                new CoBuildCount(UNIT, SMALL_SCHOOL, 0)), record("cobuild-list"));

        assertThat(stale).isInstanceOfSatisfying(CommitResult.Conflict.class,
                c -> assertThat(c.kind()).isEqualTo(CommitResult.Conflict.Kind.STALE));
    }

    @Test
    void countsItsOwnSupersededAndCreatedRegistrationsAsTheChangeLeavesThem() {
        Registration first = committed(store.commit(coBuildOf(0, child(1)), record("cobuild-list"))).registrations().get(0);
        Registration superseded = first.take(Step.SUPERSEDE, NOW.plusSeconds(1), "co-build selection").orElseThrow();

        CommitResult.Committed done = committed(store.commit(new ChangeSet(List.of(superseded),
                List.of(coBuild(child(1), BIG_SCHOOL), coBuild(child(2), BIG_SCHOOL)), plans(), null, null,
                new CoBuildCount(UNIT, BIG_SCHOOL, 1)), record("cobuild-select")));

        assertThat(done.registrations()).hasSize(3);
        assertThat(store.commit(coBuildOf(1, child(3)), record("cobuild-list"))).isInstanceOf(CommitResult.Conflict.class);
        committed(store.commit(coBuildOf(2, child(3)), record("cobuild-list")));
    }

    /** Creating the child's co-build registration at the big school, judged with {@code active} of the unit's there. */
    private static ChangeSet coBuildOf(int active, ResidentId child) {
        return new ChangeSet(List.of(), List.of(coBuild(child, BIG_SCHOOL)), plans(), null, null,
                new CoBuildCount(UNIT, BIG_SCHOOL, active));
    }

    // ---- audit ----

    @Test
    void appendsTheCommandsAuditEntryInTheSameCommitNamingWhatItWrote() {
        CommitResult.Committed done = committed(store.commit(ChangeSet.of(List.of(),
                List.of(online(child(1), HAIDIAN, BIG_SCHOOL), online(child(2), HAIDIAN, BIG_SCHOOL)), plans()),
                record("register")));

        assertThat(done.sequence()).isZero();
        AuditEntry entry = store.audit().entries(0, 1).get(0);
        assertThat(store.audit().head()).isEqualTo(new AuditHead(1, entry.hash()));
        assertThat(store.audit().entries(0, 1)).containsExactly(entry);
        assertThat(entry.body()).contains("\"targets\":[\"" + done.registrations().get(0).number() + "\",\""
                + done.registrations().get(1).number() + "\"]");
        assertThat(store.audit().verify().intact()).isTrue();
    }

    @Test
    void recordsACommandThatChangedNothingAfterTheOnesBefore() {
        register(child(1), HAIDIAN, BIG_SCHOOL);
        AuditRecord refused = new AuditRecord(NOW, "SCHOOL:HD001", "tick", List.of(), List.of("c0ffee"), "REFUSED",
                List.of("ILLEGAL_TRANSITION"), List.of("rule"), "detail with \"quotes\" and 中文");

        assertThat(store.record(refused)).isEqualTo(1);
        assertThat(store.record(refused)).isEqualTo(2);
        List<AuditEntry> entries = store.audit().entries(1, 3);
        AuditEntry entry = entries.get(0);
        AuditEntry next = entries.get(1);
        assertThat(entries).extracting(AuditEntry::sequence).containsExactly(1L, 2L);
        assertThat(store.audit().head()).isEqualTo(new AuditHead(3, next.hash()));
        assertThat(store.audit().verify()).satisfies(v -> {
            assertThat(v.intact()).isTrue();
            assertThat(v.entriesChecked()).isEqualTo(3);
        });
        assertThat(store.audit().verify(new AuditHead(3, entry.hash())).intact()).isFalse();
    }

    // ---- reports ----

    @Test
    void visitsEveryRegistration() {
        Registration a = register(child(1), HAIDIAN, BIG_SCHOOL);
        Registration b = register(child(2), CHAOYANG, CHAOYANG_SCHOOL);
        b = step(b, b.take(Step.WITHDRAW, NOW, null).orElseThrow());

        List<Registration> seen = new ArrayList<>();
        store.forEach(seen::add);

        assertThat(seen).containsExactlyInAnyOrder(a, b);
    }

    // ---- through a registry ----

    @Test
    void carriesAChildThroughItsLifecycleWithTheReferencePolicies() {
        Registry registry = Registry.builder(StoreFixtures.season(), new ReferencePolicies())
                .clock(StoreFixtures.clock()).clockBound(ChronoUnit.FOREVER.getDuration()).childKey(StoreFixtures.CHILD_KEY).store(store).build();
        String id = child(1).value();
        List<Decision> decisions = new ArrayList<>();

        decisions.add(registry.handle(Actor.guardian(), new Register(id, "王小明", HAIDIAN, HAIDIAN, SMALL_SCHOOL, null)));
        Decision duplicate = registry.handle(Actor.guardian(), new Register(id, "王小明", HAIDIAN, CHAOYANG, CHAOYANG_SCHOOL, null));
        decisions.add(registry.handle(Actor.school(SMALL_SCHOOL), new Verify(id, "pass", List.of("HUKOU", "BIRTH", "HOME"), null)));
        decisions.add(registry.handle(Actor.school(SMALL_SCHOOL), new Tick(id)));
        decisions.add(registry.handle(Actor.school(SMALL_SCHOOL), new SubmitList()));
        decisions.add(registry.handle(Actor.district(HAIDIAN), new Approve(SMALL_SCHOOL, null)));
        decisions.add(registry.handle(Actor.school(SMALL_SCHOOL), new Admit(null)));
        Decision withdraw = registry.handle(Actor.guardian(), new Withdraw(id));
        decisions.add(registry.handle(Actor.city(), new FileStudentRecord(id)));

        assertThat(decisions).allSatisfy(d -> assertThat(d.isAccepted()).as("%s", d).isTrue());
        assertThat(duplicate.reasonCodes()).containsExactly(ReasonCode.DUPLICATE_REGISTRATION);
        assertThat(withdraw.reasonCodes()).containsExactly(ReasonCode.ILLEGAL_TRANSITION);
        Registration filed = registry.registrationOf(child(1)).orElseThrow();
        assertThat(filed.state()).isEqualTo(RegistrationState.FILED);
        assertThat(filed.history()).extracting(e -> e.state()).containsExactly(RegistrationState.SUBMITTED,
                RegistrationState.VERIFIED, RegistrationState.PRE_ADMITTED, RegistrationState.UNDER_REVIEW,
                RegistrationState.APPROVED, RegistrationState.ADMITTED, RegistrationState.FILED);
        assertThat(registry.find(filed.number())).contains(filed);
        assertThat(registry.registrationsAt(SMALL_SCHOOL)).containsExactly(filed);
        assertThat(store.placesTaken(SMALL_SCHOOL)).isEqualTo(1);
        assertThat(registry.audit().head().count()).isEqualTo(9);
        assertThat(decisions.get(decisions.size() - 1).auditSequence()).isEqualTo(8);
        assertThat(registry.audit().verify().intact()).isTrue();
    }

    // ---- helpers ----

    /** Registers the child online and returns the registration as stored. */
    protected Registration register(ResidentId child, String district, String school) {
        return committed(store.commit(ChangeSet.of(List.of(), List.of(online(child, district, school)), plans()),
                record("register"))).registrations().get(0);
    }

    /** Commits the step from {@code before} to {@code after} and returns {@code after}. */
    protected Registration step(Registration before, Registration after) {
        assertThat(after.version()).isEqualTo(before.version() + 1);
        CommitResult.Committed done = committed(store.commit(ChangeSet.of(List.of(after), List.of(), plans()),
                record("step")));
        assertThat(done.registrations()).containsExactly(after);
        return after;
    }

    private void commitWaiting(CoBuildList waiting, CoBuildList ending) {
        committed(store.commit(new ChangeSet(List.of(), List.of(), plans(), waiting, ending, null), record("cobuild-list")));
    }

    private static CoBuildList waitingList(String unit, ResidentId... children) {
        List<ListedChild> entries = new ArrayList<>();
        for (ResidentId c : children) {
            entries.add(new ListedChild(c, "孩子" + entries.size(), Household.of("NB:130000")));
        }
        return new CoBuildList(0, unit, BIG_SCHOOL, entries, NOW.plusMillis(entries.size()));
    }

    /** The result, which must be a commit. */
    protected static CommitResult.Committed committed(CommitResult result) {
        assertThat(result).isInstanceOf(CommitResult.Committed.class);
        return (CommitResult.Committed) result;
    }
}
