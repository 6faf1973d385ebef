package org.enrollment.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.enrollment.core.store.RegistrationStore;
import org.enrollment.core.store.jdbc.JdbcRegistrationStore;

/**
 * Fresh JDBC stores on one database, for {@code --store jdbc:...}: each store gets a schema of its own, so
 * that every scenario file starts from an empty season as it does in memory. PostgreSQL and H2 URLs are
 * understood; an H2 in-memory database is kept open for the whole run. A database that does not answer is a
 * mistake of the command line, found before anything runs. Each store runs on a HikariCP pool of as many
 * connections as the runner plays commands at once, all opened at the start and set to its schema, with the
 * database's own commit settings (on PostgreSQL every commit waits for the disk, as a host's do: a replay
 * measures what a host gets); the pool of the store before is closed when the next one is made (the runner plays
 * one file at a time).
 */
final class JdbcStores implements Supplier<RegistrationStore> {

    private final String url;
    private final String schemaCommand;
    private final int connections;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicInteger made = new AtomicInteger();
    private HikariDataSource current;

    /**
     * Stores on the database at this URL, each on a pool of this many connections.
     *
     * @throws IllegalArgumentException when the URL is neither PostgreSQL nor H2
     * @throws CommandLineMistake naming the URL when the database cannot be reached
     */
    JdbcStores(String url, int connections) {
        Objects.requireNonNull(url, "url");
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be 1 or more, was " + connections + ".");
        }
        this.connections = connections;
        if (url.startsWith("jdbc:postgresql:")) {
            this.url = url;
            this.schemaCommand = "SET search_path TO ";
        } else if (url.startsWith("jdbc:h2:")) {
            this.url = url.startsWith("jdbc:h2:mem:") && !url.contains("DB_CLOSE_DELAY") ? url + ";DB_CLOSE_DELAY=-1" : url;
            this.schemaCommand = "SET SCHEMA ";
        } else {
            throw new IllegalArgumentException("--store " + JdbcUrls.withoutSecrets(url) + ": only PostgreSQL (jdbc:postgresql:) and H2 (jdbc:h2:) are supported."
                    + "\nMaybe use --store jdbc:h2:mem:enrollment for an embedded database.");
        }
        try (Connection c = DriverManager.getConnection(this.url)) {
            c.isValid(5);
        } catch (SQLException e) {
            throw new CommandLineMistake("--store " + JdbcUrls.withoutSecrets(url)
                    + ": cannot connect to the database (" + JdbcUrls.withoutSecrets(ProblemReport.oneLine(e.getMessage())) + ").", e);
        }
    }

    @Override
    public synchronized RegistrationStore get() {
        String schema = "enrollment_run_" + runId + "_" + made.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create schema " + schema + " at " + JdbcUrls.withoutSecrets(url) + ": "
                    + JdbcUrls.withoutSecrets(e.getMessage()), e);
        }
        return JdbcRegistrationStore.open(pool(schemaCommand + schema, schema));
    }

    /** The store already in a schema of the database ({@code null}: the connection's own), as a check reads it. */
    synchronized RegistrationStore existing(String schema) {
        return JdbcRegistrationStore.open(pool(schema == null ? "SELECT 1" : schemaCommand + schema, schema == null ? "own" : schema));
    }

    /** A pool of the connections, each begun with {@code initSql}; the pool made before is closed. */
    private HikariDataSource pool(String initSql, String name) {
        if (current != null) {
            current.close();
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setConnectionInitSql(initSql);
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(connections);
        config.setPoolName("enrollment-" + name);
        current = new HikariDataSource(config);
        return current;
    }
}
