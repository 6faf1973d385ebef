package org.enrollment.core.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;
import org.enrollment.core.child.ResidentId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's way to the database: connections from the host's {@link DataSource}, transactions, and
 * what a driver's exception means.
 */
final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** The unique constraint (PostgreSQL: partial unique index) of one active registration per child. */
    static final String ONE_ACTIVE_PER_CHILD = "registration_one_active_per_child";

    private static final int ATTEMPTS = 16;

    private final DataSource dataSource;
    private final Dialect dialect;

    Database(DataSource dataSource, Dialect dialect) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    Dialect dialect() {
        return dialect;
    }

    /** Runs work on a connection in auto-commit mode: for a read that is one statement. */
    <T> T read(String what, SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            return work.run(c);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * Runs work on a connection with auto-commit off. The work commits or rolls back; when it throws, the
     * transaction is rolled back. The connection goes back with auto-commit as it came.
     */
    <T> T inTransaction(SqlWork<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            if (autoCommit) {
                c.setAutoCommit(false);
            }
            try {
                return work.run(c);
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            } finally {
                if (autoCommit) {
                    restoreAutoCommit(c);
                }
            }
        }
    }

    /** Runs work in a transaction it commits, again while the database reports a transient conflict. */
    <T> T committed(String what, SqlWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(c -> {
                    T result = work.run(c);
                    c.commit();
                    return result;
                });
            } catch (SQLException e) {
                if (!isTransient(e) || attempt == ATTEMPTS) {
                    throw failure(what, e);
                }
                LOG.debug("{}: transient conflict ({}), attempt {}", what, message(e), attempt);
            }
        }
    }

    /** Rolls back after a failure, keeping the failure as the one that counts. */
    static void rollback(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void restoreAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.debug("Could not restore auto-commit on a connection that is being closed", e);
        }
    }

    /**
     * Whether the failure is a lost race that another attempt may win: a serialization failure or deadlock
     * (SQL state class 40), a lock timeout, H2's concurrent update, or a key that a concurrent transaction
     * inserted first (other than a child's active registration, which is a conflict of its own).
     */
    static boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return false;
        }
        return state.startsWith("40") || state.equals("55P03") || state.equals("HYT00") || state.equals("90131")
                || state.equals("23505") && !isActiveChildTaken(e);
    }

    /** Whether the failure is the database refusing a second active registration of a child. */
    static boolean isActiveChildTaken(SQLException e) {
        return "23505".equals(e.getSQLState()) && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains(ONE_ACTIVE_PER_CHILD);
    }

    /**
     * The exception for a failure the store cannot settle. Drivers quote rows in their messages (a
     * constraint violation shows the row), so resident IDs in the message are masked, and a driver
     * exception whose message holds one is replaced by a masked copy.
     */
    JdbcStoreException failure(String what, SQLException e) {
        String message = message(e);
        SQLException cause = e;
        if (!message.equals(String.valueOf(e.getMessage()))) {
            cause = new SQLException(message, e.getSQLState(), e.getErrorCode());
            cause.setStackTrace(e.getStackTrace());
        }
        return new JdbcStoreException(what + " failed on " + dialect + ": " + message + " (SQL state "
                + e.getSQLState() + ").", cause);
    }

    /** The driver's message with every resident ID in it masked. */
    static String message(SQLException e) {
        return ResidentId.maskAll(e.getMessage());
    }
}
