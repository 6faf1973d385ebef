package org.enrollment.core.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * The H2 trigger that makes the audit tables append-only: H2 calls it before every UPDATE and DELETE on
 * {@code audit_entry} (refused) and on {@code audit_head} (only an update that grows the head by one entry
 * passes). H2 triggers are Java classes that H2 loads by name; hosts never use this class themselves.
 *
 * <p>It is the only class of the library compiled against H2, which is an optional dependency: a host
 * on PostgreSQL needs no H2, and a host on H2 has it anyway.
 */
public final class H2AuditGuard implements Trigger {

    private static final int ENTRY_COUNT_COLUMN = 1;

    private String table = "";

    /** Made by H2, by name, for each trigger of the schema script. */
    public H2AuditGuard() {
    }

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before,
                     int type) {
        this.table = tableName;
    }

    /** Refuses the change unless it is an update that grows the audit head by exactly one entry. */
    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if ("AUDIT_HEAD".equalsIgnoreCase(table) && newRow != null) {
            long before = ((Number) oldRow[ENTRY_COUNT_COLUMN]).longValue();
            long after = ((Number) newRow[ENTRY_COUNT_COLUMN]).longValue();
            if (after == before + 1) {
                return;
            }
            throw new SQLException("The audit log is append-only: its head may only grow by one entry, not from "
                    + before + " to " + after + ".");
        }
        throw new SQLException("The audit log is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " on "
                + table + " is refused.");
    }
}
