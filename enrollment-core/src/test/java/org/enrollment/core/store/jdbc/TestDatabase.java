package org.enrollment.core.store.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The databases the JDBC store is tested on, each handing out fresh, empty ones: H2 in memory, and a
 * real PostgreSQL started once per test JVM from the embedded binaries (no server to install).
 */
public enum TestDatabase {

    /** A new in-memory H2 database. */
    H2 {
        @Override
        public DataSource fresh() {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:store" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
            return h2;
        }

        @Override
        String[] behindTheTreeGuard(String statement) {
            return new String[] {"DROP TRIGGER audit_tree_node_append_only", statement,
                "CREATE TRIGGER audit_tree_node_append_only BEFORE UPDATE, DELETE ON audit_tree_node FOR EACH ROW"
                        + " CALL 'org.enrollment.core.store.jdbc.H2AuditGuard'"};
        }

        @Override
        String[] behindTheAuditGuard(String statement) {
            return new String[] {"DROP TRIGGER audit_entry_append_only", statement,
                "CREATE TRIGGER audit_entry_append_only BEFORE UPDATE, DELETE ON audit_entry FOR EACH ROW"
                        + " CALL 'org.enrollment.core.store.jdbc.H2AuditGuard'"};
        }
    },

    /** A new schema of the embedded PostgreSQL, which the data source's connections use. */
    POSTGRESQL {
        @Override
        public DataSource fresh() {
            String schema = "store" + COUNTER.incrementAndGet();
            execute(Postgres.superuser(), "CREATE SCHEMA " + schema);
            PGSimpleDataSource pg = Postgres.superuser();
            pg.setCurrentSchema(schema);
            return pg;
        }

        @Override
        String[] behindTheTreeGuard(String statement) {
            return new String[] {"ALTER TABLE audit_tree_node DISABLE TRIGGER ALL", statement,
                "ALTER TABLE audit_tree_node ENABLE TRIGGER ALL"};
        }

        @Override
        String[] behindTheAuditGuard(String statement) {
            return new String[] {"ALTER TABLE audit_entry DISABLE TRIGGER ALL", statement,
                "ALTER TABLE audit_entry ENABLE TRIGGER ALL"};
        }
    };

    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** A fresh, empty database (or schema). */
    public abstract DataSource fresh();

    /** The statements that run one statement on audit_tree_node with its guard trigger out of the way. */
    abstract String[] behindTheTreeGuard(String statement);

    /** The statements that run one statement on audit_entry with its guard trigger out of the way, as an intruder would. */
    abstract String[] behindTheAuditGuard(String statement);

    /** Runs SQL statements on the data source, each committed. */
    static void execute(DataSource dataSource, String... statements) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Test SQL failed: " + e.getMessage(), e);
        }
    }

    /** The embedded PostgreSQL server, started on first use and stopped when the JVM exits. */
    static final class Postgres {

        private static final EmbeddedPostgres SERVER = start();

        private Postgres() {
        }

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("The embedded PostgreSQL did not start.", e);
            }
        }

        /** A data source of the server's {@code postgres} database as its superuser. */
        static PGSimpleDataSource superuser() {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setServerNames(new String[] {"localhost"});
            pg.setPortNumbers(new int[] {SERVER.getPort()});
            pg.setDatabaseName("postgres");
            pg.setUser("postgres");
            return pg;
        }

        /** The JDBC URL of a schema of the server, for a process of its own. */
        static String url(String schema) {
            return "jdbc:postgresql://localhost:" + SERVER.getPort() + "/postgres?user=postgres&currentSchema=" + schema;
        }
    }
}
