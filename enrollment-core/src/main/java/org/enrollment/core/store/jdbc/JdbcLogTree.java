package org.enrollment.core.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.enrollment.core.audit.AuditEntry;
import org.enrollment.core.audit.AuditHead;
import org.enrollment.core.audit.tlog.Hash;
import org.enrollment.core.audit.tlog.LogTree;

/**
 * The audit log's Merkle tree in the table {@code audit_tree_node} (level, idx, hash), the layout of Go's
 * {@code sumdb/tlog}: each append writes its leaf and every complete subtree the leaf closes, in the entry's
 * transaction (two rows per entry on average). The append reads no row when this node wrote the entry before: it
 * keeps the right edge of the tree ({@link Edge}: one hash per set bit of the size), valid for the head it was made
 * at, and reads it again (O(log n) rows, one statement) when another node has appended since.
 */
final class JdbcLogTree implements LogTree {

    static final String INSERT = "INSERT INTO audit_tree_node (level, idx, hash) VALUES (?, ?, ?)";

    private final Database database;
    private Edge known;

    JdbcLogTree(Database database) {
        this.database = database;
    }

    /**
     * The right edge of the tree at a head: the hash of each complete subtree, largest first (one per set bit of
     * the size); what an append needs to write its leaf and the nodes it closes without reading a row.
     *
     * @param at the head the edge is valid for
     * @param subtrees the complete subtrees' hashes, largest first
     */
    record Edge(AuditHead at, List<Hash> subtrees) {

        Edge {
            subtrees = List.copyOf(subtrees);
        }

        /** The rows {@code entry}, appended at {@link #at}, writes: its leaf and each subtree it closes; and the edge after. */
        Growth grow(AuditEntry entry) {
            Deque<Hash> edge = new ArrayDeque<>(subtrees);
            byte[] line = entry.line().getBytes(StandardCharsets.UTF_8);
            Hash carry = Hash.leaf(line);
            long index = entry.sequence();
            List<Node> nodes = new ArrayList<>();
            nodes.add(new Node(0, index, carry));
            for (int level = 1; (index & 1) == 1; level++) {
                carry = Hash.node(edge.removeLast(), carry);
                index >>= 1;
                nodes.add(new Node(level, index, carry));
            }
            edge.addLast(carry);
            return new Growth(nodes, new Edge(new AuditHead(entry.sequence() + 1, entry.hash()), new ArrayList<>(edge)));
        }
    }

    /**
     * A row of {@code audit_tree_node}.
     *
     * @param level 0 for a leaf
     * @param index the subtree's index at its level
     * @param hash its hash
     */
    record Node(int level, long index, Hash hash) {
    }

    /**
     * What one append writes to the tree.
     *
     * @param nodes the leaf first, then the subtrees it closes, smallest first
     * @param after the edge once they are written
     */
    record Growth(List<Node> nodes, Edge after) {
    }

    /**
     * What an append claimed on the edge this node knows: the head it seals after, its entry and what it writes.
     *
     * @param at the head the entry is sealed after
     * @param entry the entry
     * @param growth the tree rows it writes and the edge after it
     */
    record Claim(AuditHead at, AuditEntry entry, Growth growth) {
    }

    /**
     * Seals an entry after the edge this node knows and keeps the edge past it, before the entry is written (an
     * append that then finds another head locks it and {@link #append}s, which keeps the edge it wrote).
     * {@code null} when no edge is known yet.
     */
    synchronized Claim claim(Function<AuditHead, AuditEntry> seal) {
        if (known == null) {
            return null;
        }
        AuditHead at = known.at();
        AuditEntry entry = seal.apply(at);
        Growth growth = known.grow(entry);
        known = growth.after();
        return new Claim(at, entry, growth);
    }

    /** Keeps the edge an append of this node wrote, for the next append after it. */
    private synchronized void grown(Edge after) {
        known = after;
    }

    private synchronized Edge known() {
        return known;
    }

    /**
     * Writes the leaf of {@code entry}, appended after {@code head}, and the nodes it closes, in the caller's
     * transaction, which holds the head's lock; the edge kept is read again (O(log n) rows) when it is not the head's.
     */
    void append(Connection c, AuditHead head, AuditEntry entry) throws SQLException {
        Edge edge = known();
        if (edge == null || !edge.at().equals(head)) {
            edge = new Edge(head, readEdge(c, head.count()));
        }
        Growth growth = edge.grow(entry);
        try (PreparedStatement p = c.prepareStatement(INSERT)) {
            for (Node n : growth.nodes()) {
                add(p, n.level(), n.index(), n.hash());
            }
            p.executeBatch();
        }
        grown(growth.after());
    }

    static void add(PreparedStatement p, int level, long index, Hash hash) throws SQLException {
        p.setInt(1, level);
        p.setLong(2, index);
        p.setBytes(3, hash.bytes());
        p.addBatch();
    }

    /** The complete subtrees of a tree of {@code size} leaves, largest first, read in one statement. */
    private static List<Hash> readEdge(Connection c, long size) throws SQLException {
        List<Node> wanted = new ArrayList<>();
        for (int level = 62; level >= 0; level--) {
            if ((size >> level & 1) == 1) {
                wanted.add(new Node(level, (size >> level) - 1, null));
            }
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        Map<Long, Hash> found = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement(String.join(" UNION ALL ",
                Collections.nCopies(wanted.size(), "SELECT level, hash FROM audit_tree_node WHERE level = ? AND idx = ?")))) {
            int i = 1;
            for (Node n : wanted) {
                p.setInt(i++, n.level());
                p.setLong(i++, n.index());
            }
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    byte[] bytes = r.getBytes(2);
                    if (bytes.length == Hash.LENGTH) {
                        found.put((long) r.getInt(1), Hash.of(bytes));
                    }
                }
            }
        }
        List<Hash> read = new ArrayList<>(wanted.size());
        for (Node n : wanted) {
            Hash h = found.get((long) n.level());
            if (h == null) {
                throw missing(n.level(), n.index());
            }
            read.add(h);
        }
        return read;
    }

    /** Builds the tree of the entries already there when the table is empty (see {@link TreeBackfill}). */
    void buildIfAbsent() {
        TreeBackfill.buildIfAbsent(database);
    }

    /** The number of leaves: one past the last leaf's index. */
    @Override
    public long size() {
        return database.read("Reading the audit tree's size", JdbcLogTree::leaves);
    }

    static long leaves(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT MAX(idx) FROM audit_tree_node WHERE level = 0");
             ResultSet r = p.executeQuery()) {
            r.next();
            long last = r.getLong(1);
            return r.wasNull() ? 0 : last + 1;
        }
    }

    /** @throws JdbcStoreException when the row is missing: removed outside the library */
    @Override
    public Hash node(int level, long index) {
        return database.read("Reading the audit tree", c -> node(c, level, index));
    }

    private static Hash node(Connection c, int level, long index) throws SQLException {
        List<Hash> one = nodes(c, level, index, index + 1);
        if (one.get(0) == null) {
            throw missing(level, index);
        }
        return one.get(0);
    }

    private static JdbcStoreException missing(int level, long index) {
        return new JdbcStoreException("The audit log's tree has no node " + index + " at level " + level + " (entries "
                + (index << level) + " to " + ((index + 1 << level) - 1) + "): rows of audit_tree_node were removed outside the"
                + " library.\nMaybe run log check-store, which names what else differs.");
    }

    @Override
    public List<Hash> nodes(int level, long from, long to) {
        return database.read("Reading the audit tree", c -> nodes(c, level, from, to));
    }

    private static List<Hash> nodes(Connection c, int level, long from, long to) throws SQLException {
        List<Hash> out = new ArrayList<>((int) (to - from));
        try (PreparedStatement p = c.prepareStatement(
                "SELECT idx, hash FROM audit_tree_node WHERE level = ? AND idx >= ? AND idx < ? ORDER BY idx")) {
            p.setInt(1, level);
            p.setLong(2, from);
            p.setLong(3, to);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    for (long missing = from + out.size(); missing < r.getLong(1); missing++) {
                        out.add(null);
                    }
                    byte[] bytes = r.getBytes(2);
                    out.add(bytes.length == Hash.LENGTH ? Hash.of(bytes) : null);
                }
            }
        }
        while (out.size() < to - from) {
            out.add(null);
        }
        return out;
    }
}
