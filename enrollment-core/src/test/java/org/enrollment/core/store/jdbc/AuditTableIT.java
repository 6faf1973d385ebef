package org.enrollment.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.enrollment.core.audit.AuditEntry;
import org.enrollment.core.audit.AuditHead;
import org.enrollment.core.audit.AuditRecord;
import org.enrollment.core.audit.AuditVerification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The audit tables refuse UPDATE and DELETE in the database itself; what gets past that, verify() finds. */
class AuditTableIT {

    private static AuditRecord record(int i) {
        return new AuditRecord(Instant.parse("2025-05-10T08:00:00Z").plusSeconds(i), "GUARDIAN", "register",
                List.of(), List.of(), "REFUSED", List.of("WINDOW_NOT_OPEN"), List.of("Online window"), "entry " + i);
    }

    private static JdbcRegistrationStore storeWithThreeEntries(DataSource dataSource) {
        JdbcRegistrationStore store = JdbcRegistrationStore.open(dataSource);
        for (int i = 0; i < 3; i++) {
            store.record(record(i));
        }
        return store;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesToUpdateAnAuditEntry(TestDatabase database) {
        DataSource dataSource = database.fresh();
        JdbcRegistrationStore store = storeWithThreeEntries(dataSource);
        List<AuditEntry> before = store.audit().entries(0, 3);

        assertThatThrownBy(() -> TestDatabase.execute(dataSource,
                "UPDATE audit_entry SET body = REPLACE(body, 'REFUSED', 'ACCEPTED') WHERE seq = 1"))
                .hasMessageContaining("append-only");

        assertThat(store.audit().entries(0, 3)).isEqualTo(before);
        assertThat(store.audit().verify().intact()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesToDeleteAnAuditEntryOrTruncateTheLog(TestDatabase database) {
        DataSource dataSource = database.fresh();
        JdbcRegistrationStore store = storeWithThreeEntries(dataSource);

        assertThatThrownBy(() -> TestDatabase.execute(dataSource, "DELETE FROM audit_entry WHERE seq = 1"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> TestDatabase.execute(dataSource, "TRUNCATE TABLE audit_entry"));

        assertThat(store.audit().entries(0, 3)).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesToMoveTheAuditHeadBackOrRemoveIt(TestDatabase database) {
        DataSource dataSource = database.fresh();
        JdbcRegistrationStore store = storeWithThreeEntries(dataSource);
        AuditHead head = store.audit().head();

        assertThatThrownBy(() -> TestDatabase.execute(dataSource,
                "UPDATE audit_head SET entry_count = 2, last_seq = 1 WHERE id = 1"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> TestDatabase.execute(dataSource, "DELETE FROM audit_head"))
                .hasMessageContaining("append-only");

        assertThat(store.audit().head()).isEqualTo(head);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void findsAnEntryAlteredBehindTheDatabasesBack(TestDatabase database) {
        DataSource dataSource = database.fresh();
        JdbcRegistrationStore store = storeWithThreeEntries(dataSource);

        TestDatabase.execute(dataSource, database.behindTheAuditGuard(
                "UPDATE audit_entry SET body = REPLACE(body, 'REFUSED', 'ACCEPTED') WHERE seq = 1"));

        assertThat(store.audit().entries(1, 2).get(0).body()).contains("ACCEPTED");
        AuditVerification v = store.audit().verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadIndex()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void findsAnEntryRemovedBehindTheDatabasesBack(TestDatabase database) {
        DataSource dataSource = database.fresh();
        JdbcRegistrationStore store = storeWithThreeEntries(dataSource);

        TestDatabase.execute(dataSource, database.behindTheAuditGuard("DELETE FROM audit_entry WHERE seq = 1"));

        AuditVerification v = store.audit().verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadIndex()).isEqualTo(1);
    }
}
