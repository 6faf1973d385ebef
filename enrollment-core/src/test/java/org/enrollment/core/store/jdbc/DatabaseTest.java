package org.enrollment.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** What the store makes of the driver's exceptions, and of a database it does not speak. */
class DatabaseTest {

    private static final String RAW_ID = "110108201901010015";

    @Test
    void masksResidentIdsThatTheDriverQuotesFromARow() {
        Database database = new Database(TestDatabase.H2.fresh(), Dialect.H2);
        SQLException driver = new SQLException("Failing row contains (" + RAW_ID + ", 王小明)", "23514");

        JdbcStoreException failure = database.failure("Committing a change", driver);

        assertThat(failure.getMessage()).doesNotContain(RAW_ID).contains("110108********0015").contains("23514");
        assertThat(failure.getCause().getMessage()).doesNotContain(RAW_ID);
        assertThat(((SQLException) failure.getCause()).getSQLState()).isEqualTo("23514");
    }

    @Test
    void keepsTheDriversExceptionWhenItQuotesNoResidentId() {
        Database database = new Database(TestDatabase.H2.fresh(), Dialect.H2);
        SQLException driver = new SQLException("Connection refused", "08001");

        assertThat(database.failure("Reading", driver).getCause()).isSameAs(driver);
    }

    @Test
    void takesLostRacesAsTransientButNotAChildsActiveRegistration() {
        assertThat(Database.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(Database.isTransient(new SQLException("could not serialize access", "40001"))).isTrue();
        assertThat(Database.isTransient(new SQLException("Timeout trying to lock table", "HYT00"))).isTrue();
        assertThat(Database.isTransient(new SQLException("duplicate key value violates unique constraint"
                + " \"school_status_pkey\"", "23505"))).isTrue();

        SQLException child = new SQLException("Unique index or primary key violation: \"PUBLIC."
                + "REGISTRATION_ONE_ACTIVE_PER_CHILD_INDEX_8 ON PUBLIC.REGISTRATION(ACTIVE_CHILD)\"", "23505");
        assertThat(Database.isActiveChildTaken(child)).isTrue();
        assertThat(Database.isTransient(child)).isFalse();
        assertThat(Database.isTransient(new SQLException("syntax error", "42601"))).isFalse();
    }

    @Test
    void refusesADatabaseOtherThanPostgresqlAndH2() {
        DatabaseMetaData mysql = (DatabaseMetaData) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class},
                (proxy, method, args) -> method.getName().equals("getDatabaseProductName") ? "MySQL" : "jdbc:mysql://db");

        assertThatThrownBy(() -> Dialect.of(mysql)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MySQL").hasMessageContaining("\nMaybe");
    }
}
