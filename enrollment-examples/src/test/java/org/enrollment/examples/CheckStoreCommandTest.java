package org.enrollment.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.enrollment.core.audit.tlog.CheckpointSchedule;
import org.enrollment.core.audit.tlog.SigningKey;
import org.enrollment.core.child.Household;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Register;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.registry.RegistryBuilder;
import org.enrollment.core.season.DistrictCatalog;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;
import org.enrollment.core.store.jdbc.JdbcRegistrationStore;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check-store}: a store whose rows are what its log says exits 0; a row changed with plain SQL exits 1, named;
 * with {@code --vkey} (also as {@code log check-store}), a tree row changed, or checkpoints not signed by the key, exit 1.
 */
class CheckStoreCommandTest {

    private static final String URL = "jdbc:h2:mem:checkstorecommandtest;DB_CLOSE_DELAY=-1";
    private static final byte[] KEY = "the child key of check-store....".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    /** A registry on the H2 database at the URL that has registered three children, their numbers. */
    private static List<String> threeRegistered(String url, SigningKey logKey) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        Season season = new Season(2014, Instant.parse("2014-05-05T00:00:00Z"), Instant.parse("2014-06-01T00:00:00Z"), 0,
                DistrictCatalog.beijing(), List.of(new School("HD001", "海淀实验小学", "110108", 3, false)), List.of());
        RegistryBuilder builder = Registry.builder(season, new org.enrollment.core.policy.ReferencePolicies());
        if (logKey != null) {
            builder.checkpoints(logKey, CheckpointSchedule.everyEntries(2));
        }
        Registry registry = builder.store(JdbcRegistrationStore.open(h2)).childKey(KEY).clockBound(java.time.temporal.ChronoUnit.FOREVER.getDuration())
                .clock(Clock.fixed(Instant.parse("2014-05-06T01:00:00Z"), ZoneOffset.UTC)).build();
        List<String> numbers = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            ResidentId child = ResidentId.compose("110108", java.time.LocalDate.of(2008, 3, 1 + n), n);
            numbers.add(registry.handle(org.enrollment.core.command.Actor.guardian(),
                    Register.online(child, "王小明", Household.of("110108"), "110108", "HD001")).registrations().get(0).number().value());
        }
        if (logKey != null) {
            registry.checkpoint();
        }
        return numbers;
    }

    @Test
    void namesTheRegistrationWhoseRowWasChangedInPlace() throws Exception {
        List<String> numbers = threeRegistered(URL, null);
        Path key = dir.resolve("city.key");
        Files.write(key, KEY);

        CliRun clean = CliRun.reference("check-store", "--store", URL, "--child-key", key.toString());
        assertThat(clean.exitCode()).as(clean.out() + clean.err()).isZero();
        assertThat(clean.out()).contains("3 registrations").contains("every row is what the log says");

        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute("UPDATE registration SET state = 'ADMITTED' WHERE number = '" + numbers.get(1) + "'");
        }
        CliRun tampered = CliRun.reference("check-store", "--store", URL, "--child-key", key.toString());
        assertThat(tampered.exitCode()).isEqualTo(1);
        assertThat(tampered.out()).contains("registration " + numbers.get(1) + ": state is ADMITTED in the store, SUBMITTED in the log")
                .doesNotContain(numbers.get(0)).doesNotContain(numbers.get(2)).contains("1 registrations differ");
    }

    @Test
    void logCheckStoreChecksTheStoresTreeAndItsSignedCheckpoints() throws Exception {
        String url = "jdbc:h2:mem:logcheckstore;DB_CLOSE_DELAY=-1";
        SigningKey logKey = SigningKey.generate("city.example/enrollment");
        threeRegistered(url, logKey);
        Path key = dir.resolve("city.key");
        Files.write(key, KEY);
        Path vkey = dir.resolve("city.vkey");
        Files.writeString(vkey, logKey.verifierKey().text() + "\n");
        String[] check = {"log", "check-store", "--store", url, "--child-key", key.toString(), "--vkey", vkey.toString()};

        CliRun clean = CliRun.reference(check);
        assertThat(clean.exitCode()).as(clean.out() + clean.err()).isZero();
        assertThat(clean.out()).contains("3 registrations against 3 entries, the tree and 2 signed checkpoints")
                .contains("the tree and every checkpoint check out");

        Files.writeString(vkey, SigningKey.generate("city.example/enrollment").verifierKey().text());
        CliRun otherKey = CliRun.reference(check);
        assertThat(otherKey.exitCode()).isEqualTo(1);
        assertThat(otherKey.out()).contains("checkpoint: The checkpoint of 2 entries is not signed by the log key city.example/enrollment.");

        Files.writeString(vkey, logKey.verifierKey().text());
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_tree_node_append_only");
            s.execute("UPDATE audit_tree_node SET hash = (SELECT hash FROM audit_tree_node WHERE level = 0 AND idx = 0) WHERE level = 0 AND idx = 1");
            // put back, as an intruder covering the tracks would: a store whose guard is missing does not even open
            s.execute("CREATE TRIGGER audit_tree_node_append_only BEFORE UPDATE, DELETE ON audit_tree_node FOR EACH ROW"
                    + " CALL 'org.enrollment.core.store.jdbc.H2AuditGuard'");
        }
        CliRun tampered = CliRun.reference(check);
        assertThat(tampered.exitCode()).isEqualTo(1);
        assertThat(tampered.out()).contains("tree: Entry 1: its leaf in the tree is not the hash of the entry")
                .doesNotContain("checkpoint:");

        Files.writeString(vkey, "not a key");
        CliRun wrong = CliRun.reference(check);
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("--vkey " + vkey + ": ").doesNotContain("\tat ");
    }
}
