package org.enrollment.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enrollment.core.store.StoreFixtures.BIG_SCHOOL;
import static org.enrollment.core.store.StoreFixtures.CHAOYANG;
import static org.enrollment.core.store.StoreFixtures.CHAOYANG_SCHOOL;
import static org.enrollment.core.store.StoreFixtures.HAIDIAN;
import static org.enrollment.core.store.StoreFixtures.child;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.command.Register;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.store.StoreFixtures;
import org.junit.jupiter.api.Test;

/**
 * Two district nodes, each a registry with its own store and connection pool, share one PostgreSQL and
 * register the same children at once: the database alone keeps one registration per child.
 */
class TwoNodesIT {

    private static final int CHILDREN = 500;
    private static final int THREADS_PER_NODE = 4;
    private static final byte[] CHILD_KEY = "city child reference key".getBytes(StandardCharsets.UTF_8);

    @Test
    void registersEachChildOnceWhenTwoNodesRegisterTheSameChildrenAtOnce() throws Exception {
        DataSource database = TestDatabase.POSTGRESQL.fresh();
        ConcurrentLinkedQueue<Decision> decisions = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
        try (ConnectionPool poolA = new ConnectionPool(database, THREADS_PER_NODE);
             ConnectionPool poolB = new ConnectionPool(database, THREADS_PER_NODE)) {
            Registry nodeA = node(poolA);
            Registry nodeB = node(poolB);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS_PER_NODE; t++) {
                done.add(threads.submit(registerAll(nodeA, t, 0, start, decisions, errors)));
                done.add(threads.submit(registerAll(nodeB, t, 1, start, decisions, errors)));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }

            assertThat(errors).isEmpty();
            List<Decision> accepted = decisions.stream().filter(Decision::isAccepted).toList();
            List<Decision> refused = decisions.stream().filter(d -> !d.isAccepted()).toList();
            assertThat(accepted).hasSize(CHILDREN);
            assertThat(refused).hasSize(CHILDREN)
                    .allSatisfy(d -> assertThat(d.reasonCodes()).containsExactly(ReasonCode.DUPLICATE_REGISTRATION));
            long lostRaces = refused.stream().filter(d -> d.reasons().get(0).rule().startsWith("store:")).count();
            System.out.println("TwoNodesIT: " + lostRaces + " of " + CHILDREN
                    + " duplicates were refused by the database's unique index, the rest by the policy");
            List<Registration> registered = accepted.stream().map(d -> d.registrations().get(0)).toList();
            assertThat(registered).extracting(Registration::number).doesNotHaveDuplicates();
            assertThat(registered).extracting(Registration::child).doesNotHaveDuplicates();

            Set<Registration> stored = new HashSet<>();
            nodeB.store().forEach(stored::add);
            assertThat(stored).containsExactlyInAnyOrderElementsOf(registered);
            assertThat(nodeA.audit().head()).isEqualTo(nodeB.audit().head());
            assertThat(nodeA.audit().head().count()).isEqualTo(2L * CHILDREN);
            assertThat(nodeA.audit().verify().intact()).isTrue();
        } finally {
            threads.shutdownNow();
        }
    }

    private static Registry node(DataSource pool) {
        return Registry.builder(StoreFixtures.season(), new ReferencePolicies()).clock(StoreFixtures.clock())
                .childKey(CHILD_KEY).store(JdbcRegistrationStore.open(pool)).build();
    }

    /**
     * One thread of a node: every child whose index falls to it. Half the children are registered in
     * Haidian at one node and in Chaoyang at the other, so both nodes draw numbers from the same counters.
     */
    private static Runnable registerAll(Registry node, int thread, int nodeIndex, CountDownLatch start,
                                        ConcurrentLinkedQueue<Decision> decisions, ConcurrentLinkedQueue<Throwable> errors) {
        return () -> {
            try {
                start.await();
                for (int i = thread; i < CHILDREN; i += THREADS_PER_NODE) {
                    boolean haidian = (i + nodeIndex) % 2 == 0;
                    decisions.add(node.handle(Actor.guardian(), new Register(child(i).value(), "王小明", HAIDIAN,
                            haidian ? HAIDIAN : CHAOYANG, haidian ? BIG_SCHOOL : CHAOYANG_SCHOOL, null)));
                }
            } catch (Throwable e) {
                errors.add(e);
            }
        };
    }
}
