package org.enrollment.core.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the database itself refuses, checked when the store opens: every trigger the schema scripts create (the
 * append-only audit tables) is there and enabled, and the unique index of one active registration per child is
 * there and valid. A store whose database lost one of them (a {@code DISABLE TRIGGER}, a {@code DROP}) refuses to
 * start, naming what is missing, rather than write into a log anyone could rewrite.
 */
final class SchemaGuards {

    private static final Pattern TRIGGER = Pattern.compile(
            "CREATE\\s+TRIGGER\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)", Pattern.CASE_INSENSITIVE);

    private SchemaGuards() {
    }

    /**
     * Checks the guards.
     *
     * @throws JdbcStoreException naming every trigger missing or disabled and the index missing
     */
    static void check(Connection c, Dialect dialect) throws SQLException {
        List<String> missing = new ArrayList<>();
        TreeSet<String> enabled = enabledTriggers(c, dialect);
        for (String trigger : expectedTriggers(dialect)) {
            if (!enabled.contains(trigger)) {
                missing.add("trigger " + trigger + " (missing or disabled)");
            }
        }
        if (!oneActivePerChild(c, dialect)) {
            missing.add((dialect == Dialect.POSTGRESQL ? "unique index " : "unique constraint ") + Database.ONE_ACTIVE_PER_CHILD
                    + " (missing or not valid)");
        }
        if (!missing.isEmpty()) {
            throw new JdbcStoreException("The database does not refuse what it must: " + String.join(", ", missing)
                    + ".\nMaybe someone with the tables' owner account changed them; restore them from the schema scripts"
                    + " (postgresql/V*.sql, h2/V*.sql) and check the audit log against its checkpoints before starting again.");
        }
    }

    /** The triggers the dialect's scripts create, in lower case. */
    static TreeSet<String> expectedTriggers(Dialect dialect) {
        TreeSet<String> names = new TreeSet<>();
        for (int v = 1; SchemaMigration.script(dialect, v) != null; v++) {
            Matcher m = TRIGGER.matcher(SchemaMigration.script(dialect, v));
            while (m.find()) {
                names.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static TreeSet<String> enabledTriggers(Connection c, Dialect dialect) throws SQLException {
        String sql = dialect == Dialect.POSTGRESQL
                ? "SELECT t.tgname FROM pg_trigger t JOIN pg_class k ON k.oid = t.tgrelid"
                        + " WHERE k.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal AND t.tgenabled <> 'D'"
                : "SELECT TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_SCHEMA = SCHEMA()";
        TreeSet<String> names = new TreeSet<>();
        try (PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                names.add(r.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static boolean oneActivePerChild(Connection c, Dialect dialect) throws SQLException {
        String sql = dialect == Dialect.POSTGRESQL
                ? "SELECT count(*) FROM pg_index i JOIN pg_class k ON k.oid = i.indexrelid"
                        + " WHERE k.relname = ? AND k.relnamespace = current_schema()::regnamespace"
                        + " AND i.indisunique AND i.indisvalid AND i.indpred IS NOT NULL"
                : "SELECT count(*) FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE UPPER(CONSTRAINT_NAME) = UPPER(?)"
                        + " AND CONSTRAINT_SCHEMA = SCHEMA() AND CONSTRAINT_TYPE = 'UNIQUE'";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, Database.ONE_ACTIVE_PER_CHILD);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1) == 1;
            }
        }
    }
}
