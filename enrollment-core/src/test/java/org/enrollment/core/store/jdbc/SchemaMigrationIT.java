package org.enrollment.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enrollment.core.store.StoreFixtures.BIG_SCHOOL;
import static org.enrollment.core.store.StoreFixtures.HAIDIAN;
import static org.enrollment.core.store.StoreFixtures.child;
import static org.enrollment.core.store.StoreFixtures.online;
import static org.enrollment.core.store.StoreFixtures.plans;
import static org.enrollment.core.store.StoreFixtures.record;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.enrollment.core.store.ChangeSet;
import org.enrollment.core.store.CommitResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The library creates its schema on start, once: opening again, or from two nodes at once, changes nothing. */
class SchemaMigrationIT {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void opensAgainOnItsOwnSchemaKeepingEverythingAndMigratingNothing(TestDatabase database) throws SQLException {
        DataSource dataSource = database.fresh();
        JdbcRegistrationStore first = JdbcRegistrationStore.open(dataSource);
        CommitResult written = first.commit(ChangeSet.of(List.of(), List.of(online(child(1), HAIDIAN, BIG_SCHOOL)), plans()),
                record("register"));

        JdbcRegistrationStore again = JdbcRegistrationStore.open(dataSource);

        assertThat(again.ofChild(child(1))).isEqualTo(((CommitResult.Committed) written).registrations());
        assertThat(again.audit().head()).isEqualTo(first.audit().head());
        assertThat(versions(dataSource)).containsExactly(1, 2, 3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void migratesOnceWhenTwoNodesStartAtOnce(TestDatabase database) throws Exception {
        DataSource dataSource = database.fresh();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<JdbcRegistrationStore> open = () -> {
                start.await();
                return JdbcRegistrationStore.open(dataSource);
            };
            List<Future<JdbcRegistrationStore>> opened = new ArrayList<>(List.of(nodes.submit(open), nodes.submit(open)));
            start.countDown();
            for (Future<JdbcRegistrationStore> f : opened) {
                assertThat(f.get().audit().verify().intact()).isTrue();
            }
        } finally {
            nodes.shutdownNow();
        }
        assertThat(versions(dataSource)).containsExactly(1, 2, 3);
    }

    private static List<Integer> versions(DataSource dataSource) throws SQLException {
        List<Integer> versions = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT version FROM enrollment_schema_version ORDER BY version")) {
            while (r.next()) {
                versions.add(r.getInt(1));
            }
        }
        return versions;
    }
}
