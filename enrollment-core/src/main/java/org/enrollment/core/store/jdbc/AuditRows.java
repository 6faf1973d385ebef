package org.enrollment.core.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.enrollment.core.audit.AuditEntry;

/** The rows of a result set of {@code audit_entry (seq, body, hash)} as audit entries (审计日志行), read one ahead. */
final class AuditRows implements Iterator<AuditEntry> {

    private final ResultSet rows;
    private AuditEntry next;

    AuditRows(ResultSet rows) throws SQLException {
        this.rows = rows;
        advance();
    }

    /** The entry of the row the result set is on: its columns seq, body and hash, in that order. */
    static AuditEntry entry(ResultSet r) throws SQLException {
        return new AuditEntry(r.getLong(1), r.getString(2), r.getString(3));
    }

    private void advance() throws SQLException {
        next = rows.next() ? entry(rows) : null;
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public AuditEntry next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        AuditEntry e = next;
        try {
            advance();
        } catch (SQLException x) {
            throw new UncheckedSql(x);
        }
        return e;
    }

    /** A driver exception carried through the iterator. */
    static final class UncheckedSql extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UncheckedSql(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
