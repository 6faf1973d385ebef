package org.enrollment.core.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database's schema up to the newest version the library knows: the scripts {@code V1.sql},
 * {@code V2.sql}, ... in the dialect's folder beside this class, each run once, in order, and recorded in
 * {@code enrollment_schema_version}. Starting again changes nothing, and a schema already at the newest version is
 * only read: an application account without the right to create, alter or lock tables opens a schema that the
 * tables' owner migrated ({@link JdbcRegistrationStore#migrate}).
 *
 * <p>On PostgreSQL all pending scripts run in one transaction that first locks the version table, so two
 * nodes starting at once migrate one after the other and the second finds nothing to do. H2 commits each
 * DDL statement at once and has no table lock that outlives it; its scripts are written so that every
 * statement may run again, and a start that collides with another one runs them again.
 */
final class SchemaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);

    private static final String CREATE_VERSION_TABLE = "CREATE TABLE IF NOT EXISTS enrollment_schema_version ("
            + "version INT NOT NULL PRIMARY KEY, description VARCHAR(200) NOT NULL, applied_at VARCHAR(40) NOT NULL)";

    private SchemaMigration() {
    }

    /**
     * Migrates the schema.
     *
     * @return the schema version the database has now
     */
    static int migrate(Database database) throws SQLException {
        int present = versionIfPresent(database);
        if (present >= latestKnown(database.dialect())) {
            return present;
        }
        createVersionTable(database);
        for (int attempt = 1; ; attempt++) {
            try {
                return migrateOnce(database);
            } catch (SQLException e) {
                // on H2 each script may collide with another start once: one attempt more than there are scripts
                if (database.dialect().lockMigrations() != null || attempt > latestKnown(database.dialect())) {
                    throw e;
                }
                LOG.debug("Migrating raced with another start ({}); the scripts may run again, trying again", e.getMessage());
            }
        }
    }

    private static int migrateOnce(Database database) throws SQLException {
        return database.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                if (database.dialect().lockMigrations() != null) {
                    s.execute(database.dialect().lockMigrations());
                }
                int version = currentVersion(s);
                for (String script = script(database.dialect(), version + 1); script != null;
                     script = script(database.dialect(), version + 1)) {
                    version++;
                    apply(c, s, version, script);
                }
                if (version > latestKnown(database.dialect())) {
                    LOG.warn("The database's schema is at version {}, newer than this library knows ({}).\n"
                            + "Maybe a node runs a newer release of the library; upgrade this one too.",
                            version, latestKnown(database.dialect()));
                }
                c.commit();
                return version;
            }
        });
    }

    /** Creates the version table; a node that loses the race to create it at the same time tries again. */
    private static void createVersionTable(Database database) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                database.inTransaction(c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute(CREATE_VERSION_TABLE);
                    }
                    c.commit();
                    return null;
                });
                return;
            } catch (SQLException e) {
                if (attempt == 2) {
                    throw e;
                }
                LOG.debug("Creating the schema version table raced with another node ({}); trying again", e.getMessage());
            }
        }
    }

    /**
     * The schema's version, read without writing anything, or 0 when there is no version table yet: so that an
     * application account that may not create or lock tables opens a schema the owner's account migrated.
     */
    private static int versionIfPresent(Database database) {
        try {
            return database.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    int version = currentVersion(s);
                    c.commit();
                    return version;
                }
            });
        } catch (SQLException e) {
            LOG.debug("No schema version yet ({}); migrating", e.getMessage());
            return 0;
        }
    }

    private static int currentVersion(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM enrollment_schema_version")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static void apply(Connection c, Statement s, int version, String script) throws SQLException {
        List<String> statements = statements(script);
        for (int i = 0; i < statements.size(); i++) {
            try {
                s.execute(statements.get(i));
            } catch (SQLException e) {
                throw new SQLException("Schema script V" + version + ".sql, statement " + (i + 1) + " of "
                        + statements.size() + ", failed: " + e.getMessage(), e.getSQLState(), e);
            }
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO enrollment_schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
            p.setInt(1, version);
            p.setString(2, description(script));
            p.setString(3, Instant.now().toString());
            p.executeUpdate();
        }
        LOG.debug("Schema migrated to version {}: {}", version, description(script));
    }

    private static int latestKnown(Dialect dialect) {
        int v = 0;
        while (script(dialect, v + 1) != null) {
            v++;
        }
        return v;
    }

    /** The text of a version's script, or {@code null} when the library has no such version. */
    static String script(Dialect dialect, int version) {
        String name = dialect.folder() + "/V" + version + ".sql";
        try (InputStream in = SchemaMigration.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the schema script " + name + " failed.", e);
        }
    }

    /** The first line of a script, without the comment marks: what the version is about. */
    private static String description(String script) {
        String first = script.lines().findFirst().orElse("").replaceFirst("^--\\s*", "").strip();
        return first.length() > 200 ? first.substring(0, 200) : first;
    }

    /**
     * Splits a script into statements at the semicolons outside quotes ({@code '...'}, {@code "..."}) and
     * dollar quotes ({@code $$...$$}, {@code $tag$...$tag$}), leaving out {@code --} comments.
     */
    static List<String> statements(String script) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < script.length()) {
            char ch = script.charAt(i);
            int end;
            if (ch == '-' && script.startsWith("--", i)) {
                end = script.indexOf('\n', i);
                i = end < 0 ? script.length() : end;
                continue;
            } else if (ch == '\'' || ch == '"') {
                end = closing(script, i + 1, String.valueOf(ch));
            } else if (ch == '$' && dollarTag(script, i) != null) {
                String tag = dollarTag(script, i);
                end = closing(script, i + tag.length(), tag);
            } else if (ch == ';') {
                add(result, current);
                current.setLength(0);
                i++;
                continue;
            } else {
                end = i + 1;
            }
            current.append(script, i, end);
            i = end;
        }
        add(result, current);
        return result;
    }

    private static void add(List<String> statements, StringBuilder text) {
        String statement = text.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
    }

    /** The index just past the closing quote, or the end of the script when it is not closed. */
    private static int closing(String script, int from, String quote) {
        int end = script.indexOf(quote, from);
        return end < 0 ? script.length() : end + quote.length();
    }

    /** The dollar-quote tag starting at i ({@code $$} or {@code $name$}), or {@code null} when there is none. */
    private static String dollarTag(String script, int i) {
        int j = i + 1;
        while (j < script.length() && (Character.isLetterOrDigit(script.charAt(j)) || script.charAt(j) == '_')) {
            j++;
        }
        return j < script.length() && script.charAt(j) == '$' ? script.substring(i, j + 1) : null;
    }
}
