package org.enrollment.core.registry;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.enrollment.core.store.RegistrationStore;
import org.enrollment.core.store.jdbc.JdbcRegistrationStore;
import org.enrollment.core.store.jdbc.TestDatabase;

/**
 * Hostile input through the commands API ({@link HostileInputContract}) on the JDBC store over H2: a refused
 * command leaves every row of every table as it was (the audit log gains its entry), and names shaped like
 * SQL injection are stored and read back verbatim.
 */
class HostileInputOnH2IT extends HostileInputContract {

    private static final List<String> TABLES = List.of("registration", "registration_event", "registration_counter",
            "cobuild_list", "cobuild_list_child", "school_status");

    private DataSource database;

    @Override
    protected RegistrationStore newStore() {
        database = TestDatabase.H2.fresh();
        return JdbcRegistrationStore.open(database);
    }

    @Override
    protected String everyRow() {
        StringBuilder rows = new StringBuilder();
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                rows.append(table).append(":\n");
                try (ResultSet r = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
                    int columns = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        for (int i = 1; i <= columns; i++) {
                            rows.append(r.getString(i)).append('\t');
                        }
                        rows.append('\n');
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading every row failed: " + e.getMessage(), e);
        }
        return rows.toString();
    }
}
