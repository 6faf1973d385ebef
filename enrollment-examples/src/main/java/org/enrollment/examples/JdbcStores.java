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
 * understood; an H2 in-memory database is kept open for the whole run. Each store runs on a HikariCP pool of
 * a few connections set to its schema (on PostgreSQL with commits that do not wait for the disk: see
 * {@link #REPLAY_COMMITS}); the pool of the store before is closed when the next one is made (the
 * runner plays one file at a time).
 */
final class JdbcStores implements Supplier<RegistrationStore> {

    /** Connections per store: the runner plays one command at a time; a few spare for the store's own reads. */
    private static final int POOL_SIZE = 4;
    /**
     * A replay's schema is thrown away after the run, so its commits need not wait for the disk: on a disk that
     * syncs in 5 ms that wait alone would hold a one-command-at-a-time replay under 200 commands/s. Each commit
     * stays atomic and in order; only the last few hundred milliseconds could be lost in a crash of the server.
     * The library's own default, for hosts, is PostgreSQL's: every commit durable.
     */
    private static final String REPLAY_COMMITS = "SET synchronous_commit TO off";

    private final String url;
    private final String schemaCommand;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicInteger made = new AtomicInteger();
    private HikariDataSource current;

    /**
     * Stores on the database at this URL.
     *
     * @throws IllegalArgumentException when the URL is neither PostgreSQL nor H2
     */
    JdbcStores(String url) {
        Objects.requireNonNull(url, "url");
        if (url.startsWith("jdbc:postgresql:")) {
            this.url = url;
            this.schemaCommand = REPLAY_COMMITS + "; SET search_path TO ";
        } else if (url.startsWith("jdbc:h2:")) {
            this.url = url.startsWith("jdbc:h2:mem:") && !url.contains("DB_CLOSE_DELAY") ? url + ";DB_CLOSE_DELAY=-1" : url;
            this.schemaCommand = "SET SCHEMA ";
        } else {
            throw new IllegalArgumentException("--store " + url + ": only PostgreSQL (jdbc:postgresql:) and H2 (jdbc:h2:) are supported."
                    + "\nMaybe use --store jdbc:h2:mem:enrollment for an embedded database.");
        }
    }

    @Override
    public synchronized RegistrationStore get() {
        String schema = "enrollment_run_" + runId + "_" + made.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create schema " + schema + " at " + url + ": " + e.getMessage(), e);
        }
        if (current != null) {
            current.close();
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setConnectionInitSql(schemaCommand + schema);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setPoolName("enrollment-" + schema);
        current = new HikariDataSource(config);
        return JdbcRegistrationStore.open(current);
    }
}
