package org.enrollment.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.enrollment.core.audit.AuditRecord;
import org.enrollment.core.audit.tlog.CheckpointSchedule;
import org.enrollment.core.audit.tlog.LogCheckpointer;
import org.enrollment.core.audit.tlog.LogTree;
import org.enrollment.core.audit.tlog.MerkleTree;
import org.enrollment.core.audit.tlog.TreeCheck;
import org.enrollment.core.audit.tlog.VerifierKey;
import org.enrollment.core.fixture.MutableClock;
import org.enrollment.core.store.StoreFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JDBC store keeps the audit log's Merkle tree in {@code audit_tree_node}, in each entry's transaction: it is the
 * tree of the entries, node for node, with two rows per entry on average, written by any number of nodes; an older
 * database gets it built on open; and a tree changed behind the database's back is named by the check.
 */
class JdbcTreeIT {

    private static final int ENTRIES = 77;
    private static final VerifierKey LOG = StoreFixtures.LOG_KEY.verifierKey();

    private static AuditRecord record(int i) {
        return new AuditRecord(Instant.parse("2025-05-10T08:00:00Z").plusSeconds(i), "GUARDIAN", "register",
                List.of(), List.of(), "REFUSED", List.of("WINDOW_NOT_OPEN"), List.of("Online window"), "entry " + i);
    }

    private static JdbcRegistrationStore storeWith(DataSource dataSource, int entries) {
        JdbcRegistrationStore store = JdbcRegistrationStore.open(dataSource);
        for (int i = 0; i < entries; i++) {
            store.record(record(i));
        }
        return store;
    }

    private static String treeProblem(JdbcRegistrationStore store) {
        return TreeCheck.against(store.audit().tree(), TreeCheck.ofEntries(store.audit())).problem();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void keepsTheTreeOfTheEntriesWithItsRootsAndProofs(TestDatabase database) throws SQLException {
        DataSource dataSource = database.fresh();
        JdbcRegistrationStore store = storeWith(dataSource, ENTRIES);
        LogTree kept = store.audit().tree();
        MerkleTree entries = TreeCheck.ofEntries(store.audit());

        assertThat(kept.size()).isEqualTo(ENTRIES);
        assertThat(treeProblem(store)).isEmpty();
        for (long n = 1; n <= ENTRIES; n += 19) {
            assertThat(kept.root(n)).isEqualTo(entries.root(n));
            assertThat(kept.inclusionProof(n / 2, n)).isEqualTo(entries.inclusionProof(n / 2, n));
            assertThat(kept.consistencyProof(n / 3, n)).isEqualTo(entries.consistencyProof(n / 3, n));
        }
        long rows = 0;
        for (long level = 0; ENTRIES >> level > 0; level++) {
            rows += ENTRIES >> level;
        }
        assertThat(count(dataSource, "SELECT COUNT(*) FROM audit_tree_node")).as("every complete subtree, once").isEqualTo(rows);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void twoNodesAppendingInTurnKeepOneTree(TestDatabase database) {
        DataSource dataSource = database.fresh();
        JdbcRegistrationStore one = JdbcRegistrationStore.open(dataSource);
        JdbcRegistrationStore other = JdbcRegistrationStore.open(dataSource);
        for (int i = 0; i < 40; i++) {
            (i % 3 == 0 ? other : one).record(record(i));
        }
        assertThat(treeProblem(one)).isEmpty();
        assertThat(other.audit().tree().root()).isEqualTo(TreeCheck.ofEntries(one.audit()).root());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anOlderDatabaseGetsTheTreeOfItsEntriesBuiltOnOpen(TestDatabase database) {
        DataSource dataSource = database.fresh();
        storeWith(dataSource, ENTRIES);
        TestDatabase.execute(dataSource, database.behindTheTreeGuard("DELETE FROM audit_tree_node"));

        JdbcRegistrationStore reopened = JdbcRegistrationStore.open(dataSource);

        assertThat(reopened.audit().tree().size()).isEqualTo(ENTRIES);
        assertThat(treeProblem(reopened)).isEmpty();
        reopened.record(record(ENTRIES));
        assertThat(treeProblem(reopened)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesToChangeOrRemoveATreeNodeOrACheckpoint(TestDatabase database) {
        DataSource dataSource = database.fresh();
        JdbcRegistrationStore store = storeWith(dataSource, 5);
        store.audit().checkpoints().add(org.enrollment.core.audit.tlog.Checkpoint.of(LOG.name(), store.audit().tree(), 5)
                .signedBy(StoreFixtures.LOG_KEY));

        assertThatThrownBy(() -> TestDatabase.execute(dataSource, "UPDATE audit_tree_node SET idx = 9 WHERE level = 0 AND idx = 1"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> TestDatabase.execute(dataSource, "DELETE FROM audit_tree_node")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> TestDatabase.execute(dataSource, "DELETE FROM audit_checkpoint")).hasMessageContaining("append-only");
        assertThat(treeProblem(store)).isEmpty();
    }

    /** A leaf (level 0) or an interior node of the tree overwritten with the hash of leaf 3, and what the check says of it. */
    static Stream<Arguments> nodesChanged() {
        return Stream.of(TestDatabase.values()).flatMap(database -> Stream.of(
                Arguments.of(database, 0, 42, "Entry 42: its leaf in the tree is not the hash of the entry (the leaf or the entry was changed)."),
                Arguments.of(database, 2, 5, "Tree node 5 at level 2 (entries 20 to 23) is not the hash of those entries in the tree"
                        + " (a row of the tree was changed).")));
    }

    @ParameterizedTest
    @MethodSource("nodesChanged")
    void namesTheNodeThatWasChanged(TestDatabase database, int level, int index, String problem) {
        DataSource dataSource = database.fresh();
        JdbcRegistrationStore store = storeWith(dataSource, ENTRIES);
        TestDatabase.execute(dataSource, database.behindTheTreeGuard("UPDATE audit_tree_node SET hash = (SELECT hash FROM audit_tree_node"
                + " WHERE level = 0 AND idx = 3) WHERE level = " + level + " AND idx = " + index));

        assertThat(treeProblem(store)).isEqualTo(problem);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void namesATreeCutBack(TestDatabase database) {
        DataSource dataSource = database.fresh();
        JdbcRegistrationStore store = storeWith(dataSource, ENTRIES);
        TestDatabase.execute(dataSource, database.behindTheTreeGuard("DELETE FROM audit_tree_node WHERE level = 0 AND idx >= 70"));

        assertThat(treeProblem(store)).isEqualTo("The tree has 70 leaves but the log 77 entries: the leaves of entries 70 to 76 are missing"
                + " (the tree was cut back).");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anEntryRewrittenWithItsTreeIsCaughtByTheCheckpointSignedBefore(TestDatabase database) throws SQLException {
        DataSource dataSource = database.fresh();
        JdbcRegistrationStore store = JdbcRegistrationStore.open(dataSource);
        LogCheckpointer signer = new LogCheckpointer(store.audit().tree(), StoreFixtures.LOG_KEY, CheckpointSchedule.everyEntries(25),
                new MutableClock(Instant.parse("2025-05-10T08:00:00Z")), store.audit().checkpoints());
        for (int i = 0; i < ENTRIES; i++) {
            signer.appended(store.record(record(i)) + 1);
        }
        assertThat(store.audit().checkpoints().all()).hasSize(3);
        assertThat(TreeCheck.checkpoints(store.audit().tree(), store.audit().checkpoints(), LOG).problem()).isEmpty();

        // the intruder rewrites entry 30 and the whole tree after it, consistently: the tree is that of the entries again
        TestDatabase.execute(dataSource, database.behindTheAuditGuard(
                "UPDATE audit_entry SET body = REPLACE(body, 'REFUSED', 'ACCEPTED') WHERE seq = 30"));
        rewriteTree(dataSource, database, TreeCheck.ofEntries(store.audit()), 30);
        assertThat(treeProblem(store)).isEmpty();

        assertThat(TreeCheck.checkpoints(store.audit().tree(), store.audit().checkpoints(), LOG).problem())
                .isEqualTo("The tree's first 50 leaves do not make the root of the checkpoint signed for them: an entry among them was"
                        + " changed, added or removed since it was signed.");
    }

    /** Writes every node of the tree from entry {@code from} on, with the tree's guard out of the way. */
    private static void rewriteTree(DataSource dataSource, TestDatabase database, MerkleTree tree, long from) throws SQLException {
        String[] guard = database.behindTheTreeGuard("SELECT 1");
        TestDatabase.execute(dataSource, guard[0]);
        try (Connection c = dataSource.getConnection();
             PreparedStatement p = c.prepareStatement("UPDATE audit_tree_node SET hash = ? WHERE level = ? AND idx = ?")) {
            for (int level = 0; tree.size() >> level > 0; level++) {
                for (long i = from >> level; i < tree.size() >> level; i++) {
                    p.setBytes(1, tree.node(level, i).bytes());
                    p.setInt(2, level);
                    p.setLong(3, i);
                    p.executeUpdate();
                }
            }
        } finally {
            TestDatabase.execute(dataSource, guard[2]);
        }
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
