package org.enrollment.core.store.jdbc;

import static org.enrollment.core.store.StoreFixtures.BIG_SCHOOL;
import static org.enrollment.core.store.StoreFixtures.HAIDIAN;
import static org.enrollment.core.store.StoreFixtures.child;

import java.time.Clock;
import java.time.Duration;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.time.temporal.ChronoUnit;
import org.enrollment.core.audit.tlog.CheckpointSchedule;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.Tick;
import org.enrollment.core.command.Verify;
import org.enrollment.core.command.Withdraw;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.store.StoreFixtures;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A process that sends a stream of commands to a PostgreSQL store until it is killed (or has sent a
 * bounded number): the victim of {@link CrashIT}. Four threads register children, verify, tick and
 * withdraw some of them, and register some twice.
 *
 * <p>Arguments: the JDBC URL, the first child's index.
 */
public final class RegistrationStream {

    private static final int THREADS = 4;
    private static final int CHILDREN = 20_000;
    /** A checkpoint every so many entries, signed by the registry as the stream goes. */
    static final int CHECKPOINT_EVERY = 50;

    private RegistrationStream() {
    }

    /** Runs the stream. */
    public static void main(String[] args) throws InterruptedException, SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(args[0]);
        ConnectionPool pool = new ConnectionPool(dataSource, THREADS);
        int first = Integer.parseInt(args[1]);
        Clock inTheWindow = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), StoreFixtures.NOW));
        Registry registry = Registry.builder(StoreFixtures.season(), new ReferencePolicies()).clock(inTheWindow).clockBound(ChronoUnit.FOREVER.getDuration())
                .childKey(StoreFixtures.CHILD_KEY).checkpoints(StoreFixtures.LOG_KEY, CheckpointSchedule.everyEntries(CHECKPOINT_EVERY))
                .store(JdbcRegistrationStore.open(pool)).build();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            threads.execute(() -> {
                try {
                    for (int i = first + thread; i < first + CHILDREN; i += THREADS) {
                        String id = child(i).value();
                        registry.handle(Actor.guardian(), new Register(id, "王小明", HAIDIAN, HAIDIAN, BIG_SCHOOL, null));
                        registry.handle(Actor.school(BIG_SCHOOL), new Verify(id, "pass", List.of("HUKOU", "BIRTH", "HOME"), null));
                        if (i % 3 == 0) {
                            registry.handle(Actor.school(BIG_SCHOOL), new Tick(id));
                        }
                        if (i % 5 == 0) {
                            registry.handle(Actor.guardian(), new Withdraw(id));
                        }
                        if (i % 7 == 0) {
                            registry.handle(Actor.guardian(), new Register(id, "王小明", HAIDIAN, HAIDIAN, BIG_SCHOOL, null));
                        }
                    }
                } catch (RuntimeException e) {
                    e.printStackTrace();
                }
            });
        }
        threads.shutdown();
        threads.awaitTermination(10, TimeUnit.MINUTES);
    }
}
