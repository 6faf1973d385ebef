package org.enrollment.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The store refuses to open on a database that no longer refuses what it must: a trigger of the audit tables
 * disabled or dropped, the unique index of one active registration per child dropped; the message names it.
 */
class SchemaGuardsIT {

    @Test
    void expectsEveryTriggerTheScriptsCreate() {
        assertThat(SchemaGuards.expectedTriggers(Dialect.POSTGRESQL))
                .contains("audit_entry_append_only", "audit_entry_not_truncated", "audit_head_grows");
        assertThat(SchemaGuards.expectedTriggers(Dialect.H2)).contains("audit_entry_append_only", "audit_head_grows");
    }

    @Test
    void refusesToOpenOnPostgresqlWithAnAuditTriggerDisabled() {
        DataSource database = TestDatabase.POSTGRESQL.fresh();
        JdbcRegistrationStore.open(database);
        TestDatabase.execute(database, "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only");

        assertThatThrownBy(() -> JdbcRegistrationStore.open(database)).isInstanceOf(JdbcStoreException.class)
                .hasMessageContaining("trigger audit_entry_append_only (missing or disabled)")
                .hasMessageNotContaining("audit_head_grows");

        TestDatabase.execute(database, "ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only");
        assertThat(JdbcRegistrationStore.open(database)).as("enabled again").isNotNull();
    }

    @Test
    void refusesToOpenOnPostgresqlWithEveryTriggerOfATableDisabledOrTheUniqueIndexDropped() {
        DataSource database = TestDatabase.POSTGRESQL.fresh();
        JdbcRegistrationStore.open(database);
        TestDatabase.execute(database, "ALTER TABLE audit_head DISABLE TRIGGER ALL",
                "DROP INDEX registration_one_active_per_child");

        assertThatThrownBy(() -> JdbcRegistrationStore.open(database)).isInstanceOf(JdbcStoreException.class)
                .hasMessageContaining("trigger audit_head_grows (missing or disabled)")
                .hasMessageContaining("trigger audit_head_not_removed (missing or disabled)")
                .hasMessageContaining("unique index registration_one_active_per_child (missing or not valid)");
    }

    @Test
    void refusesToOpenOnH2WithAnAuditTriggerDropped() {
        DataSource database = TestDatabase.H2.fresh();
        JdbcRegistrationStore.open(database);
        TestDatabase.execute(database, "DROP TRIGGER audit_head_grows");

        assertThatThrownBy(() -> JdbcRegistrationStore.open(database)).isInstanceOf(JdbcStoreException.class)
                .hasMessageContaining("trigger audit_head_grows (missing or disabled)");
    }
}
