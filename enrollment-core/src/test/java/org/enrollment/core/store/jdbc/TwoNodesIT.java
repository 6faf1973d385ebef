package org.enrollment.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enrollment.core.store.StoreFixtures.BIG_SCHOOL;
import static org.enrollment.core.store.StoreFixtures.CHAOYANG;
import static org.enrollment.core.store.StoreFixtures.CHAOYANG_SCHOOL;
import static org.enrollment.core.store.StoreFixtures.HAIDIAN;
import static org.enrollment.core.store.StoreFixtures.UNIT;
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
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.CoBuildListing;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.ListedChildText;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.command.Register;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.Route;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.store.StoreFixtures;
import org.junit.jupiter.api.Test;

/**
 * Two district nodes, each a registry with its own store and connection pool, share one PostgreSQL and
 * register the same children at once: the database alone keeps one registration per child; and take one
 * co-build unit's lists at once: the database alone keeps the unit within its quota.
 */
class TwoNodesIT {

    private static final int CHILDREN = 500;
    private static final int THREADS_PER_NODE = 4;
    private static final int CO_BUILD_QUOTA = 5;
    private static final byte[] CHILD_KEY = "city child reference key".getBytes(StandardCharsets.UTF_8);

    @Test
    void registersEachChildOnceWhenTwoNodesRegisterTheSameChildrenAtOnce() throws Exception {
        DataSource database = TestDatabase.POSTGRESQL.fresh();

        List<Decision> decisions = onBothNodesAtOnce(database, (node, nodeIndex, thread) -> {
            List<Decision> made = new ArrayList<>();
            for (int i = thread; i < CHILDREN; i += THREADS_PER_NODE) {
                boolean haidian = (i + nodeIndex) % 2 == 0;
                made.add(node.handle(Actor.guardian(), new Register(child(i).value(), "王小明", HAIDIAN,
                        haidian ? HAIDIAN : CHAOYANG, haidian ? BIG_SCHOOL : CHAOYANG_SCHOOL, null)));
            }
            return made;
        });

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

        Registry reader = node(database);
        Set<Registration> stored = new HashSet<>();
        reader.store().forEach(stored::add);
        assertThat(stored).containsExactlyInAnyOrderElementsOf(registered);
        assertThat(reader.audit().head().count()).isEqualTo(2L * CHILDREN);
        assertThat(reader.audit().verify().intact()).isTrue();
    }

    @Test
    void givesACoBuildUnitNoMoreThanItsQuotaWhenTwoNodesTakeItsListsAtOnce() throws Exception {
        DataSource database = TestDatabase.POSTGRESQL.fresh();
        int listsPerThread = 4;

        List<Decision> decisions = onBothNodesAtOnce(database, (node, nodeIndex, thread) -> {
            List<Decision> made = new ArrayList<>();
            for (int i = 0; i < listsPerThread; i++) {
                String listed = child(1000 + (nodeIndex * THREADS_PER_NODE + thread) * listsPerThread + i).value();
                made.add(node.handle("COBUILD:" + UNIT, new CoBuildListing(BIG_SCHOOL, List.of(new ListedChildText(listed, "李小红", HAIDIAN)))));
            }
            return made;
        });

        assertThat(decisions).hasSize(2 * THREADS_PER_NODE * listsPerThread)
                .allSatisfy(d -> assertThat(d.isAccepted()).as("%s", d.reasonCodes()).isTrue());
        assertThat(decisions.stream().filter(d -> !d.registrations().isEmpty())).hasSize(CO_BUILD_QUOTA);
        Registry reader = node(database);
        assertThat(reader.registrationsAt(BIG_SCHOOL)).filteredOn(r -> r.isActive() && r.route() == Route.CO_BUILD)
                .hasSize(CO_BUILD_QUOTA);
        assertThat(reader.audit().verify().intact()).isTrue();
        System.out.println("TwoNodesIT: " + decisions.size() + " co-build lists of one unit from two nodes at once, quota "
                + CO_BUILD_QUOTA + ": " + CO_BUILD_QUOTA + " children admitted at once, the other lists left waiting");
    }

    /** What one thread of a node does; the decisions it got. */
    private interface NodeWork {
        List<Decision> run(Registry node, int nodeIndex, int thread) throws Exception;
    }

    /**
     * Two nodes, each a registry with its own connection pool on the database, run the work on
     * {@value #THREADS_PER_NODE} threads each, all released at once; every decision, once all are done, none
     * failed and both nodes see the same audit head.
     */
    private static List<Decision> onBothNodesAtOnce(DataSource database, NodeWork work) throws Exception {
        ConcurrentLinkedQueue<Decision> decisions = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
        try (ConnectionPool poolA = new ConnectionPool(database, THREADS_PER_NODE);
             ConnectionPool poolB = new ConnectionPool(database, THREADS_PER_NODE)) {
            List<Registry> nodes = List.of(node(poolA), node(poolB));
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS_PER_NODE; t++) {
                for (int n = 0; n < nodes.size(); n++) {
                    int nodeIndex = n;
                    int thread = t;
                    done.add(threads.submit(() -> {
                        start.await();
                        decisions.addAll(work.run(nodes.get(nodeIndex), nodeIndex, thread));
                        return null;
                    }));
                }
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            assertThat(nodes.get(0).audit().head()).as("the audit head both nodes see").isEqualTo(nodes.get(1).audit().head());
            return List.copyOf(decisions);
        } finally {
            threads.shutdownNow();
        }
    }

    private static Registry node(DataSource pool) {
        return Registry.builder(StoreFixtures.season(), new ReferencePolicies()).clock(StoreFixtures.clock())
                .clockBound(ChronoUnit.FOREVER.getDuration()).childKey(CHILD_KEY).store(JdbcRegistrationStore.open(pool)).build();
    }
}
