package org.enrollment.core.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.enrollment.core.audit.AuditEntry;
import org.enrollment.core.audit.tlog.MerkleTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Merkle tree (补建日志树) of a database from before the tree, built once from its entries when the store opens. */
final class TreeBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(TreeBackfill.class);
    private static final int PAGE = 10_000;

    private TreeBackfill() {
    }

    /**
     * Builds the tree of the entries already there when the table is empty: a database from before the tree (schema
     * version 2 or older), once, when the store opens. Holds the head's lock, so that nodes starting together build
     * it once; a tree that is there but short of the entries is left for {@code log check-store} to name.
     */
    static void buildIfAbsent(Database database) {
        if (database.read("Reading the audit tree's size", c -> JdbcLogTree.leaves(c) > 0 || entryCount(c, "") == 0)) {
            return;
        }
        database.committed("Building the audit log's tree", c -> {
            if (entryCount(c, " FOR UPDATE") == 0 || JdbcLogTree.leaves(c) > 0) {
                return null;
            }
            MerkleTree tree = new MerkleTree();
            try (PreparedStatement p = c.prepareStatement("SELECT body, hash FROM audit_entry ORDER BY seq")) {
                p.setFetchSize(1_000);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        byte[] line = new AuditEntry(0, r.getString(1), r.getString(2)).line().getBytes(StandardCharsets.UTF_8);
                        tree.appendEntry(line, 0, line.length);
                    }
                }
            }
            writeAll(c, tree);
            LOG.info("Built the audit log's Merkle tree of {} entries (a database from before the tree)", tree.size());
            return null;
        });
    }

    private static long entryCount(Connection c, String lock) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT entry_count FROM audit_head WHERE id = 1" + lock);
             ResultSet r = p.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    private static void writeAll(Connection c, MerkleTree tree) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(JdbcLogTree.INSERT)) {
            for (int level = 0; tree.size() >> level > 0; level++) {
                for (long i = 0; i < tree.size() >> level; i++) {
                    JdbcLogTree.add(p, level, i, tree.node(level, i));
                    if (i % PAGE == PAGE - 1) {
                        p.executeBatch();
                    }
                }
                p.executeBatch();
            }
        }
    }
}
