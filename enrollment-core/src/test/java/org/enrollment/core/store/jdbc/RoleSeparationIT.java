package org.enrollment.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.enrollment.core.store.StoreFixtures.BIG_SCHOOL;
import static org.enrollment.core.store.StoreFixtures.HAIDIAN;
import static org.enrollment.core.store.StoreFixtures.child;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.temporal.ChronoUnit;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.Withdraw;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.store.StoreFixtures;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The role separation of the README ("Running on PostgreSQL"): a migration role owns the tables and migrates them;
 * the application role, granted rows only, runs a season, and can neither disable the audit log's triggers nor
 * rewrite, empty or drop it.
 */
class RoleSeparationIT {

    private static final String SCHEMA = "roles" + ProcessHandle.current().pid();

    @Test
    void theApplicationRoleRunsASeasonButCannotRewriteTheAuditLog() throws SQLException {
        TestDatabase.execute(TestDatabase.Postgres.superuser(),
                "DROP ROLE IF EXISTS enroll_app_" + SCHEMA, "DROP ROLE IF EXISTS enroll_owner_" + SCHEMA,
                "CREATE ROLE enroll_owner_" + SCHEMA + " LOGIN", "CREATE ROLE enroll_app_" + SCHEMA + " LOGIN",
                "CREATE SCHEMA " + SCHEMA + " AUTHORIZATION enroll_owner_" + SCHEMA);
        PGSimpleDataSource owner = as("enroll_owner_" + SCHEMA);
        JdbcRegistrationStore.migrate(owner);
        String app = "enroll_app_" + SCHEMA;
        // The grant script of the README, as the owner runs it after each migration.
        TestDatabase.execute(owner,
                "GRANT USAGE ON SCHEMA " + SCHEMA + " TO " + app,
                "GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA " + SCHEMA + " TO " + app,
                "GRANT UPDATE ON registration, registration_counter, school_status, audit_head, season TO " + app,
                "GRANT DELETE ON cobuild_list, cobuild_list_child TO " + app,
                "GRANT USAGE ON ALL SEQUENCES IN SCHEMA " + SCHEMA + " TO " + app);

        PGSimpleDataSource application = as(app);
        Registry registry = Registry.builder(StoreFixtures.season(), new ReferencePolicies()).clock(StoreFixtures.clock())
                .clockBound(ChronoUnit.FOREVER.getDuration()).childKey(StoreFixtures.CHILD_KEY)
                .store(JdbcRegistrationStore.open(application)).build();
        for (int i = 0; i < 5; i++) {
            assertThat(registry.handle(Actor.guardian(), new Register(child(i).value(), "王小明", HAIDIAN, HAIDIAN, BIG_SCHOOL, null))
                    .isAccepted()).as("register " + i).isTrue();
        }
        assertThat(registry.handle(Actor.guardian(), new Withdraw(child(0).value())).isAccepted()).as("withdraw").isTrue();
        assertThat(registry.audit().verify().intact()).isTrue();

        for (String attack : new String[] {"ALTER TABLE audit_entry DISABLE TRIGGER ALL", "UPDATE audit_entry SET body = 'x'",
            "DELETE FROM audit_entry", "TRUNCATE audit_entry", "DROP TABLE audit_entry", "ALTER TABLE registration DROP CONSTRAINT registration_pkey",
            "DROP INDEX registration_one_active_per_child", "UPDATE registration_event SET state = 'ADMITTED'"}) {
            assertThatThrownBy(() -> run(application, attack)).as(attack).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(attack).isIn("42501", "42809"));
        }
        assertThat(JdbcRegistrationStore.open(application).audit().verify().intact()).isTrue();
    }

    private static PGSimpleDataSource as(String role) {
        PGSimpleDataSource pg = TestDatabase.Postgres.superuser();
        pg.setUser(role);
        pg.setCurrentSchema(SCHEMA);
        return pg;
    }

    private static void run(PGSimpleDataSource source, String sql) throws SQLException {
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
