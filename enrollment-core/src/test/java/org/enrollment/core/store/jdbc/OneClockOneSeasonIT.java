package org.enrollment.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.enrollment.core.audit.AuditEntry;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.Register;
import org.enrollment.core.fixture.MutableClock;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registry.ClockSkewException;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.registry.SeasonMismatchException;
import org.enrollment.core.season.CoBuildAgreement;
import org.enrollment.core.season.DistrictCatalog;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;
import org.enrollment.core.season.SeasonTerms;
import org.enrollment.core.store.RegistrationStore;
import org.junit.jupiter.api.Test;

/**
 * Two district nodes on one PostgreSQL judge by one clock and one season: a node whose clock is two days off the
 * database's refuses to act (at start, or as soon as its clock is set back), so it cannot accept what the window
 * refuses; a node with another plan or quota is refused at start with the differences listed, so it cannot take
 * more places than the held plan; a change of season is deliberate, audited, and stops the nodes on the old one.
 */
class OneClockOneSeasonIT {

    private static final String HAIDIAN = "110108";
    private static final String SCHOOL = "HD001";
    private static final Instant NOW = Instant.now();
    private static final int YEAR = NOW.atOffset(ZoneOffset.UTC).getYear() + 1;
    private static final byte[] KEY = new byte[16];
    private static final int THREADS = 4;

    @Test
    void refusesToStartANodeWhoseClockIsTwoDaysSlow() {
        DataSource database = TestDatabase.POSTGRESQL.fresh();
        Registry a = node(database, season(5, 3), Clock.systemUTC());
        Clock slow = Clock.offset(Clock.systemUTC(), Duration.ofDays(-2));

        assertThatThrownBy(() -> node(database, season(5, 3), slow))
                .isInstanceOf(ClockSkewException.class)
                .hasMessageContaining("This node's clock says " + NOW.minus(Duration.ofDays(2)).toString().substring(0, 10))
                .hasMessageContaining("but the database's says " + NOW.toString().substring(0, 10))
                .hasMessageContaining("more than the bound of PT5S");
        assertThat(a.handle(Actor.guardian(), register(1)).isAccepted()).isTrue();
    }

    @Test
    void aNodeWhoseClockIsSetBackTwoDaysStopsActingAtOnceAndWritesNothing() {
        DataSource database = TestDatabase.POSTGRESQL.fresh();
        MutableClock clock = new MutableClock(Instant.now());
        Registry b = node(database, season(5, 3), clock);
        clock.set(Instant.now().minus(Duration.ofDays(2)));
        long entries = b.audit().head().count();

        assertThatThrownBy(() -> b.handle(Actor.guardian(), register(2))).isInstanceOf(ClockSkewException.class);
        assertThat(b.audit().head().count()).as("audit entries").isEqualTo(entries);
        assertThat(b.registrationOf(child(2))).isEmpty();

        clock.set(Instant.now());
        assertThat(b.handle(Actor.guardian(), register(2)).isAccepted()).as("back in step").isTrue();
    }

    @Test
    void refusesToStartANodeWithAnotherPlanListingTheDifference() {
        DataSource database = TestDatabase.POSTGRESQL.fresh();
        node(database, season(5, 3), Clock.systemUTC());

        assertThatThrownBy(() -> node(database, season(10, 3), Clock.systemUTC()))
                .isInstanceOfSatisfying(SeasonMismatchException.class, e -> assertThat(e.differences())
                        .containsExactly("school HD001 plan: 10 here, 5 there"))
                .hasMessageContaining("school HD001 plan: 10 here, 5 there");
        assertThatThrownBy(() -> node(database, season(5, 6), Clock.systemUTC()))
                .isInstanceOfSatisfying(SeasonMismatchException.class, e -> assertThat(e.differences())
                        .containsExactly("agreement U-ACAD with HD001 quota: 6 here, 3 there"));
        assertThat(node(database, season(5, 3), Clock.systemUTC()).season().schools().get(0).plan())
                .as("a node with the held season still starts").isEqualTo(5);
    }

    @Test
    void theFirstNodeWritesTheSeasonAndTheDatabaseHoldsItsTerms() {
        DataSource database = TestDatabase.POSTGRESQL.fresh();
        RegistrationStore store = JdbcRegistrationStore.open(database);
        assertThat(store.shared().orElseThrow().read().seasonFingerprint()).isEmpty();

        Registry.builder(season(5, 3), new ReferencePolicies()).store(store).childKey(KEY).build();

        assertThat(store.shared().orElseThrow().read().seasonFingerprint()).contains(SeasonTerms.of(season(5, 3)).fingerprint());
        assertThat(store.shared().orElseThrow().hold(SeasonTerms.of(season(9, 9)))).isEqualTo(SeasonTerms.of(season(5, 3)));
    }

    @Test
    void aDeliberateChangeOfSeasonIsAuditedAndStopsTheNodesOnTheOldOne() throws InterruptedException {
        DataSource database = TestDatabase.POSTGRESQL.fresh();
        Registry a = node(database, season(5, 3), Clock.systemUTC());
        long before = a.audit().head().count();

        Registry b = Registry.builder(season(10, 3), new ReferencePolicies()).store(JdbcRegistrationStore.open(database))
                .childKey(KEY).changeSeason("city operator 7").build();

        assertThat(b.audit().head().count()).isEqualTo(before + 1);
        AuditEntry change = b.audit().entries(before, before + 1).get(0);
        assertThat(change.body()).contains("\"command\":\"change-season\"", "operator=city operator 7",
                "school HD001 plan: 10 here, 5 there");
        assertThat(b.handle(Actor.guardian(), register(3)).isAccepted()).isTrue();
        Thread.sleep(1_200);
        assertThatThrownBy(() -> a.handle(Actor.guardian(), register(4)))
                .isInstanceOf(SeasonMismatchException.class).hasMessageContaining("was changed");
        assertThat(a.registrationOf(child(4))).isEmpty();
    }

    @Test
    void aNodeWhoseSeasonWasChangedUnderItIsRefusedAtItsVeryNextCommitAndWritesNothing() {
        DataSource database = TestDatabase.POSTGRESQL.fresh();
        Registry a = node(database, season(5, 3), Clock.systemUTC());
        assertThat(a.handle(Actor.guardian(), register(5)).isAccepted()).isTrue();

        Registry.builder(season(10, 3), new ReferencePolicies()).store(JdbcRegistrationStore.open(database))
                .childKey(KEY).changeSeason("city operator 7").build();
        long entries = a.audit().head().count();

        // Within a second of its last reading of the database: only the commit's own check can catch it.
        assertThatThrownBy(() -> a.handle(Actor.guardian(), register(6)))
                .isInstanceOf(SeasonMismatchException.class).hasMessageContaining("was changed")
                .hasMessageContaining(SeasonTerms.of(season(10, 3)).fingerprint());
        assertThatThrownBy(() -> a.handle(Actor.guardian(), new Register(child(5).value(), "王小明", HAIDIAN, HAIDIAN, SCHOOL, null)))
                .as("a refusal judged by the old season is not recorded either").isInstanceOf(SeasonMismatchException.class);
        assertThat(a.audit().head().count()).as("audit entries").isEqualTo(entries);
        assertThat(a.registrationOf(child(6))).isEmpty();
    }

    @Test
    void commitsRefusalsAndAChangeOfSeasonAtOnceNeverDeadlock() throws Exception {
        DataSource database = TestDatabase.POSTGRESQL.fresh();
        Registry a = node(database, season(5, 3), Clock.systemUTC());
        long deadlocksBefore = deadlocks(database);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Boolean>> stopped = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int first = 100 + t * 200;
            stopped.add(pool.submit(() -> {
                for (int i = first; i < first + 200; i++) {
                    try {
                        a.handle(Actor.guardian(), register(i)); // 5 places: accepted at first, then refused and recorded
                    } catch (SeasonMismatchException e) {
                        return true;
                    }
                }
                return false;
            }));
        }
        Thread.sleep(500);
        Registry.builder(season(10, 3), new ReferencePolicies()).store(JdbcRegistrationStore.open(database))
                .childKey(KEY).changeSeason("city operator 7").build();
        for (Future<Boolean> f : stopped) {
            assertThat(f.get(2, TimeUnit.MINUTES)).as("stopped by the change of season").isTrue();
        }
        pool.shutdown();

        Thread.sleep(1_500); // the server's statistics are sent a moment after each transaction
        assertThat(deadlocks(database)).as("deadlocks the server detected").isEqualTo(deadlocksBefore);
        assertThat(a.audit().verify().intact()).isTrue();
    }

    /** The deadlocks the server has detected in this database so far. */
    private static long deadlocks(DataSource database) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet r = s.executeQuery("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static Registry node(DataSource database, Season season, Clock clock) {
        return Registry.builder(season, new ReferencePolicies()).clock(clock).store(JdbcRegistrationStore.open(database))
                .childKey(KEY).build();
    }

    /** A season whose window is open now, by the real clock: one school with this plan, one agreement with this quota. */
    private static Season season(int plan, int quota) {
        return new Season(YEAR, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(10)), 3, DistrictCatalog.beijing(),
                List.of(new School(SCHOOL, "海淀实验小学", HAIDIAN, plan, false)), List.of(new CoBuildAgreement("U-ACAD", SCHOOL, quota)));
    }

    private static ResidentId child(int i) {
        return ResidentId.compose(HAIDIAN, LocalDate.of(YEAR - 6, 1, 1), i);
    }

    private static Register register(int i) {
        return new Register(child(i).value(), "王小明", HAIDIAN, HAIDIAN, SCHOOL, null);
    }
}
