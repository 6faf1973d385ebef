package org.enrollment.examples;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.enrollment.core.store.RegistrationStore;
import org.enrollment.core.store.jdbc.JdbcRegistrationStore;

/**
 * Fresh JDBC stores on one database, for {@code --store jdbc:...}: each store gets a schema of its own, so
 * that every scenario file starts from an empty season as it does in memory. PostgreSQL and H2 URLs are
 * understood; an H2 in-memory database is kept open for the whole run. A database that does not answer is a
 * mistake of the command line, found before anything runs.
 */
final class JdbcStores implements Supplier<RegistrationStore> {

    private final String url;
    private final String schemaCommand;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicInteger made = new AtomicInteger();

    /**
     * Stores on the database at this URL.
     *
     * @throws IllegalArgumentException when the URL is neither PostgreSQL nor H2
     * @throws CommandLineMistake naming the URL when the database cannot be reached
     */
    JdbcStores(String url) {
        Objects.requireNonNull(url, "url");
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
    public RegistrationStore get() {
        String schema = "enrollment_run_" + runId + "_" + made.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create schema " + schema + " at " + JdbcUrls.withoutSecrets(url) + ": " + JdbcUrls.withoutSecrets(e.getMessage()), e);
        }
        return JdbcRegistrationStore.open(new SchemaDataSource(url, schemaCommand + schema));
    }

    /** The store already in a schema of the database ({@code null}: the connection's own), as a check reads it. */
    RegistrationStore existing(String schema) {
        return JdbcRegistrationStore.open(new SchemaDataSource(url, schema == null ? "SELECT 1" : schemaCommand + schema));
    }

    /** Connections from the driver manager, each set to one schema. */
    private record SchemaDataSource(String url, String setSchema) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            Connection c = DriverManager.getConnection(url);
            try (Statement s = c.createStatement()) {
                s.execute(setSchema);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return c;
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("Give the user and password in the URL.");
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // the driver manager's log is used
        }

        @Override
        public void setLoginTimeout(int seconds) {
            DriverManager.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() {
            return DriverManager.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException("No parent logger.");
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("Not a wrapper of " + type.getName() + ".");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
