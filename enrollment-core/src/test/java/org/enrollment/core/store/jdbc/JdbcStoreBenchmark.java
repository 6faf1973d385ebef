package org.enrollment.core.store.jdbc;

import static org.enrollment.core.store.StoreFixtures.BIG_SCHOOL;
import static org.enrollment.core.store.StoreFixtures.HAIDIAN;
import static org.enrollment.core.store.StoreFixtures.child;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.Register;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.store.StoreFixtures;

/**
 * A quick measurement, not a test: registrations per second through a registry on the JDBC store over an
 * embedded PostgreSQL, with 1, 4 and 8 threads sharing a pool of as many connections. Each figure is for
 * distinct children, after a warm-up, on a fresh database.
 *
 * <p>Run it from the module with the test class path: {@code java -cp <test class path>
 * org.enrollment.core.store.jdbc.JdbcStoreBenchmark [registrations] [durable]}. The embedded server runs
 * with {@code fsync} and {@code synchronous_commit} off unless {@code durable} is given, which turns both
 * on, as a production server has them.
 */
public final class JdbcStoreBenchmark {

    private static final int WARM_UP = 1_000;

    private JdbcStoreBenchmark() {
    }

    /** Measures and prints one line per thread count. */
    public static void main(String[] args) throws Exception {
        int registrations = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        String durable = args.length > 1 && args[1].equals("durable") ? "on" : "off";
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("fsync", durable)
                .setServerConfig("synchronous_commit", durable).start()) {
            for (int threads : new int[] {1, 4, 8}) {
                measure(server, threads, registrations, durable);
            }
        }
    }

    private static void measure(EmbeddedPostgres server, int threads, int registrations, String durable) throws Exception {
        String database = "bench" + threads;
        TestDatabase.execute(server.getPostgresDatabase(), "CREATE DATABASE " + database);
        try (ConnectionPool pool = new ConnectionPool(server.getDatabase("postgres", database), threads)) {
            Registry registry = Registry.builder(StoreFixtures.season(), new ReferencePolicies())
                    .clock(StoreFixtures.clock()).childKey("benchmark child key".getBytes(StandardCharsets.UTF_8))
                    .store(JdbcRegistrationStore.open(pool)).build();
            run(registry, threads, 0, WARM_UP);
            long start = System.nanoTime();
            int accepted = run(registry, threads, WARM_UP, registrations);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("PostgreSQL (fsync %s), %d thread(s): %d registrations in %.1f s = %.0f registrations/s%n",
                    durable, threads, accepted, seconds, accepted / seconds);
        }
    }

    private static int run(Registry registry, int threads, int first, int count) throws Exception {
        AtomicInteger next = new AtomicInteger(first);
        AtomicInteger accepted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < first + count; i = next.getAndIncrement()) {
                        if (registry.handle(Actor.guardian(), new Register(child(i).value(), "王小明", HAIDIAN, HAIDIAN,
                                BIG_SCHOOL, null)).isAccepted()) {
                            accepted.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return accepted.get();
    }
}
