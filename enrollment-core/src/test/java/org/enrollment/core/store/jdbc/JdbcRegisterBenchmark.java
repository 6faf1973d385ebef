package org.enrollment.core.store.jdbc;

import static org.enrollment.core.store.StoreFixtures.BIG_SCHOOL;
import static org.enrollment.core.store.StoreFixtures.HAIDIAN;
import static org.enrollment.core.store.StoreFixtures.child;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.Register;
import org.enrollment.core.fixture.ThroughputBenchmark;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.store.StoreFixtures;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Whole {@code register} commands through a registry on the JDBC store over an embedded PostgreSQL, with 1,
 * 4 and 8 threads sharing a pool of eight connections: each call registers a child not seen before, so each
 * is one transaction that numbers, inserts the registration and its first event, and appends the audit entry.
 * Each run starts a fresh server; {@code fsync} off is a disposable test server's setting, on (with
 * {@code synchronous_commit}) a production server's.
 */
@Fork(value = 1, jvmArgsAppend = {"-Dorg.slf4j.simpleLogger.log.io.zonky.test=warn",
        "-Dorg.slf4j.simpleLogger.log.org.enrollment.core.store.jdbc=warn"})
public class JdbcRegisterBenchmark extends ThroughputBenchmark {

    private static final int CONNECTIONS = 8;
    /** As many distinct children as {@link StoreFixtures#child} makes: more than any run registers. */
    private static final int CHILDREN = 240_000;

    /** The server's {@code fsync} and {@code synchronous_commit}. */
    @Param({"off", "on"})
    public String fsync;

    private EmbeddedPostgres server;
    private ConnectionPool pool;
    private Registry registry;
    private final AtomicInteger next = new AtomicInteger();

    /** A fresh server, a pool and a registry of the test season with the reference policies. */
    @Setup(Level.Trial)
    public void start() throws IOException, SQLException {
        server = EmbeddedPostgres.builder().setServerConfig("fsync", fsync).setServerConfig("synchronous_commit", fsync).start();
        pool = new ConnectionPool(server.getPostgresDatabase(), CONNECTIONS);
        registry = Registry.builder(StoreFixtures.season(), new ReferencePolicies()).clock(StoreFixtures.clock()).clockBound(ChronoUnit.FOREVER.getDuration())
                .childKey("benchmark child key".getBytes(StandardCharsets.UTF_8)).store(JdbcRegistrationStore.open(pool)).build();
    }

    /** Closes the pool and stops the server. */
    @TearDown(Level.Trial)
    public void stop() throws IOException, SQLException {
        pool.close();
        server.close();
    }

    /** One guardian registering a new child. */
    @Benchmark
    @Threads(1)
    public Decision register1Thread() {
        return registerNext();
    }

    /** Four guardians at once. */
    @Benchmark
    @Threads(4)
    public Decision register4Threads() {
        return registerNext();
    }

    /** Eight guardians at once, one connection each. */
    @Benchmark
    @Threads(CONNECTIONS)
    public Decision register8Threads() {
        return registerNext();
    }

    private Decision registerNext() {
        int n = next.getAndIncrement();
        if (n >= CHILDREN) {
            throw new IllegalStateException("All " + CHILDREN + " children were registered.\nMeasure for less time.");
        }
        Decision d = registry.handle(Actor.guardian(), new Register(child(n).value(), "王小明", HAIDIAN, HAIDIAN, BIG_SCHOOL, null));
        if (!d.isAccepted()) {
            throw new IllegalStateException("Registering child " + n + " was refused: " + d.reasonCodes());
        }
        return d;
    }
}
