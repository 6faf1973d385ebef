package org.enrollment.core.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A few open connections to the embedded PostgreSQL, pointed at one fresh schema at a time: for properties
 * that want an empty database for every try without paying for new connections each time. Each
 * {@link #fresh()} drops the schema before and points every connection at a new one.
 */
public final class PostgresSchemas implements AutoCloseable {

    private static final String PREFIX = "chain";

    private final int size;
    private final ConnectionPool pool;
    private String schema;
    private int made;

    private PostgresSchemas(int size) throws SQLException {
        this.size = size;
        this.pool = new ConnectionPool(TestDatabase.Postgres.superuser(), size);
    }

    /** Opens {@code size} connections; they point at no schema of their own until {@link #fresh()}. */
    public static PostgresSchemas open(int size) {
        try {
            return new PostgresSchemas(size);
        } catch (SQLException e) {
            throw new IllegalStateException("Connecting to the embedded PostgreSQL failed: " + e.getMessage(), e);
        }
    }

    /** Drops the schema the connections pointed at, makes a new, empty one and points them all at it. */
    public DataSource fresh() {
        String next = PREFIX + ProcessHandle.current().pid() + "_" + ++made;
        List<Connection> all = new ArrayList<>(size);
        try {
            for (int i = 0; i < size; i++) {
                all.add(pool.getConnection());
            }
            try (Statement s = all.get(0).createStatement()) {
                if (schema != null) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
                s.execute("CREATE SCHEMA " + next);
            }
            for (Connection c : all) {
                c.setSchema(next);
            }
            schema = next;
        } catch (SQLException e) {
            throw new IllegalStateException("Making schema " + next + " failed: " + e.getMessage(), e);
        } finally {
            for (Connection c : all) {
                try {
                    c.close();
                } catch (SQLException e) {
                    throw new IllegalStateException("Giving a connection back failed.", e);
                }
            }
        }
        return pool;
    }

    /** Drops the last schema and closes the connections. */
    @Override
    public void close() throws SQLException {
        try {
            if (schema != null) {
                TestDatabase.execute(pool, "DROP SCHEMA " + schema + " CASCADE");
            }
        } finally {
            pool.close();
        }
    }
}
