package org.enrollment.core.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.enrollment.core.audit.AuditChain;
import org.enrollment.core.audit.AuditEntry;
import org.enrollment.core.audit.AuditHead;
import org.enrollment.core.audit.AuditRecord;
import org.enrollment.core.audit.AuditTrail;
import org.enrollment.core.audit.AuditVerification;
import org.enrollment.core.audit.tlog.CheckpointStore;
import org.enrollment.core.audit.tlog.LogTree;

/**
 * The audit log in the tables {@code audit_entry} (which the database keeps append-only) and
 * {@code audit_head}, its Merkle tree in {@code audit_tree_node} ({@link JdbcLogTree}), its checkpoints in
 * {@code audit_checkpoint}. An append locks the head row, seals the entry after it, inserts it, writes its leaf and
 * the tree nodes it closes and moves the head, all in the caller's transaction: appends from every node queue on
 * that one row, so the chain and the tree stay linear, and an entry is written exactly when its change is. On
 * PostgreSQL a node that wrote the head last seals after the head it knows and does all of it in one statement,
 * which moves the head only if it is still that one; otherwise the head is locked and read first
 * ({@code SELECT ... FOR UPDATE}). A node's appends queue in the node, each until its transaction ends, and
 * so find the head the one before left. An entry in a transaction of its own (a refusal's) is that one statement
 * auto-committed.
 */
final class JdbcAuditTrail implements AuditTrail {

    private static final int FETCH_SIZE = 1_000;

    private final Database database;
    private final JdbcLogTree tree;
    private final JdbcCheckpoints checkpoints;
    /**
     * Held on PostgreSQL by an append of this node from sealing its entry until its transaction ends ({@link #queued}):
     * the node's appends one after another, each sealing after the head the one before it committed, where without
     * it they would all seal after the same head and all but one lose and lock the head again (a round trip per level
     * of the tree more, with the head held). The appends of a node queued at the head's row in the database anyway;
     * the holder waits only for other nodes' transactions, and a change of season, which holds the season's row that
     * the append share-locks, does not queue ({@link #appendLockingHead}).
     */
    private final ReentrantLock queue = new ReentrantLock();

    JdbcAuditTrail(Database database) {
        this.database = database;
        this.tree = new JdbcLogTree(database);
        this.checkpoints = new JdbcCheckpoints(database);
    }

    /** Builds the tree of the entries when a database from before the tree has none (once, on open). */
    void buildTreeIfAbsent() {
        tree.buildIfAbsent();
    }

    /** Appends the record in a transaction of its own ({@link #appendAlone}). */
    @Override
    public AuditEntry append(AuditRecord record) {
        Objects.requireNonNull(record, "record");
        return appendAlone(record, null);
    }

    /**
     * Appends the record in a transaction of its own, checking with {@code season} (when given) that it was judged
     * by the season held, as {@link #append(Connection, AuditRecord, SeasonRows)} does. On PostgreSQL, when this node
     * knows the head, that is the one statement run in auto-commit mode: one round trip, where a transaction takes
     * two (the statement, then {@code COMMIT}); the commit is as durable. Otherwise, or when the head has moved or
     * the database reports a transient conflict (nothing written then), the head is locked and read first in a
     * transaction, tried again while the conflict lasts.
     *
     * @throws org.enrollment.core.registry.SeasonMismatchException when another season is held: nothing was written
     */
    AuditEntry appendAlone(AuditRecord record, SeasonRows season) {
        return queued(() -> {
            AuditEntry alone = database.dialect() != Dialect.POSTGRESQL ? null : database.read("Appending to the audit log", c -> {
                try {
                    return appendAtKnownHead(c, record, season);
                } catch (SQLException e) {
                    if (Database.isTransient(e)) {
                        return null;
                    }
                    throw e;
                }
            });
            return alone != null ? alone : database.committed("Appending to the audit log", c -> lockedAppend(c, record, season));
        });
    }

    /**
     * Appends the record in the connection's transaction after locking and reading the head, never waiting for this
     * node's other appends: for a transaction that holds the season's row exclusively (a change of season), which
     * an append queued in this node may be waiting for. The head stays locked until the transaction ends.
     */
    AuditEntry appendLockingHead(Connection c, AuditRecord record) throws SQLException {
        return lockedAppend(c, record, null);
    }

    /**
     * Appends the record in the connection's transaction, the head locked until it ends; with {@code season}, first
     * checks (and share-locks until then) that the record was judged by the season held ({@link SeasonRows#check}).
     * On PostgreSQL, when this node wrote or read the head last, the append is one statement: it moves the head
     * only if it is still the one this node knows and the season still the record's, and writes the entry and its
     * tree nodes with it. This node's appends queue in the node ({@link #queue}) from there until their transaction
     * ends, so that each seals after the head the one before it committed and finds it so: run the transaction in
     * {@link #queued}. Otherwise (another node appended, or H2) the head is locked and read first.
     *
     * @throws org.enrollment.core.registry.SeasonMismatchException when another season is held: nothing was written
     */
    AuditEntry append(Connection c, AuditRecord record, SeasonRows season) throws SQLException {
        AuditEntry known = appendAtKnownHead(c, record, season);
        return known != null ? known : lockedAppend(c, record, season);
    }

    /**
     * PostgreSQL, when this node knows the head: the append in one statement ({@link #appendAt}), this node's next
     * appends queued until the transaction ends; {@code null} when the head is not the one known, or on H2, and
     * nothing was written.
     */
    private AuditEntry appendAtKnownHead(Connection c, AuditRecord record, SeasonRows season) throws SQLException {
        if (database.dialect() != Dialect.POSTGRESQL) {
            return null;
        }
        String judgedBy = season == null || record.season().isEmpty() ? null : record.season();
        queue.lock();
        JdbcLogTree.Claim claim = tree.claim(at -> AuditChain.next(at, record));
        return claim != null && appendAt(c, claim.at(), claim.entry(), claim.growth(), judgedBy) ? claim.entry() : null;
    }

    /**
     * Runs a transaction that may {@link #append} on PostgreSQL and lets this node's next append go once it has
     * ended (committed or rolled back), however it ended.
     */
    <T> T queued(Supplier<T> transaction) {
        try {
            return transaction.get();
        } finally {
            while (queue.isHeldByCurrentThread()) {
                queue.unlock();
            }
        }
    }

    /** The append after locking and reading the head ({@code SELECT ... FOR UPDATE}), checking the season first when given. */
    private AuditEntry lockedAppend(Connection c, AuditRecord record, SeasonRows season) throws SQLException {
        if (season != null) {
            season.check(c, record);
        }
        AuditHead head;
        try (PreparedStatement p = c.prepareStatement(
                "SELECT entry_count, last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
             ResultSet r = p.executeQuery()) {
            head = head(r);
        }
        AuditEntry entry = AuditChain.next(head, record);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO audit_entry (seq, body, hash) VALUES (?, ?, ?)")) {
            p.setLong(1, entry.sequence());
            p.setString(2, entry.body());
            p.setString(3, entry.hash());
            p.executeUpdate();
        }
        tree.append(c, head, entry);
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE audit_head SET entry_count = ?, last_hash = ?, last_seq = ? WHERE id = 1")) {
            p.setLong(1, entry.sequence() + 1);
            p.setString(2, entry.hash());
            p.setLong(3, entry.sequence());
            p.executeUpdate();
        }
        return entry;
    }

    /**
     * PostgreSQL, one statement: moves the head from {@code at} to past {@code entry} (locking its row) unless it is
     * no longer at {@code at} or the season held is not {@code judgedBy} (when given; the season's row share-locked
     * before the head's, as {@link SeasonRows#check} does), and only then inserts the entry and its tree nodes.
     *
     * @return whether it was written; when not, nothing was
     */
    private static boolean appendAt(Connection c, AuditHead at, AuditEntry entry, JdbcLogTree.Growth growth,
                                    String judgedBy) throws SQLException {
        String sql = "WITH h AS (UPDATE audit_head SET entry_count = CAST(? AS BIGINT), last_hash = CAST(? AS CHAR(64)),"
                + " last_seq = CAST(? AS BIGINT) WHERE id = 1 AND entry_count = CAST(? AS BIGINT) AND last_hash = CAST(? AS CHAR(64))"
                + (judgedBy == null ? "" : " AND COALESCE((SELECT fingerprint FROM season WHERE id = 1 FOR SHARE),"
                        + " CAST(? AS CHAR(64))) = CAST(? AS CHAR(64))")
                + " RETURNING entry_count),"
                + " e AS (INSERT INTO audit_entry (seq, body, hash) SELECT CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS CHAR(64)) FROM h)"
                + " INSERT INTO audit_tree_node (level, idx, hash) SELECT n.* FROM h, (VALUES "
                + String.join(", ", Collections.nCopies(growth.nodes().size(), "(CAST(? AS INT), CAST(? AS BIGINT), CAST(? AS BYTEA))"))
                + ") n";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            int i = 1;
            p.setLong(i++, entry.sequence() + 1);
            p.setString(i++, entry.hash());
            p.setLong(i++, entry.sequence());
            p.setLong(i++, at.count());
            p.setString(i++, at.lastHash());
            if (judgedBy != null) {
                p.setString(i++, judgedBy);
                p.setString(i++, judgedBy);
            }
            p.setLong(i++, entry.sequence());
            p.setString(i++, entry.body());
            p.setString(i++, entry.hash());
            for (JdbcLogTree.Node n : growth.nodes()) {
                p.setInt(i++, n.level());
                p.setLong(i++, n.index());
                p.setBytes(i++, n.hash().bytes());
            }
            return p.executeUpdate() > 0;
        }
    }

    @Override
    public AuditHead head() {
        return database.read("Reading the audit head", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT entry_count, last_hash FROM audit_head WHERE id = 1");
                 ResultSet r = p.executeQuery()) {
                return head(r);
            }
        });
    }

    private static AuditHead head(ResultSet r) throws SQLException {
        if (!r.next()) {
            throw new JdbcStoreException("The audit head row is missing: the audit tables were changed outside the library.");
        }
        return new AuditHead(r.getLong(1), r.getString(2));
    }

    @Override
    public LogTree tree() {
        return tree;
    }

    @Override
    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    @Override
    public List<AuditEntry> entries(long from, long to) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("Audit entries from " + from + " to " + to + ": need 0 <= from <= to.");
        }
        return database.read("Reading audit entries " + from + " to " + to, c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT seq, body, hash FROM audit_entry WHERE seq >= ? AND seq < ? ORDER BY seq")) {
                p.setLong(1, from);
                p.setLong(2, to);
                List<AuditEntry> result = new ArrayList<>((int) Math.min(to - from, 10_000));
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        result.add(AuditRows.entry(r));
                    }
                }
                return result;
            }
        });
    }

    /** Reads every entry in order, in one statement (one snapshot), streamed, and checks the chain. */
    @Override
    public AuditVerification verify(AuditHead remembered) {
        Objects.requireNonNull(remembered, "remembered");
        try {
            return database.inTransaction(c -> {
                try (PreparedStatement p = c.prepareStatement("SELECT seq, body, hash FROM audit_entry ORDER BY seq")) {
                    p.setFetchSize(FETCH_SIZE);
                    try (ResultSet r = p.executeQuery()) {
                        AuditVerification result = AuditChain.verify(new AuditRows(r), remembered);
                        c.commit();
                        return result;
                    }
                }
            });
        } catch (SQLException e) {
            throw database.failure("Verifying the audit log", e);
        } catch (AuditRows.UncheckedSql e) {
            throw database.failure("Verifying the audit log", e.getCause());
        }
    }
}
