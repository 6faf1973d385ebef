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
import org.enrollment.core.child.Household;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Register;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.season.DistrictCatalog;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;
import org.enrollment.core.store.jdbc.JdbcRegistrationStore;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check-store}: a store whose rows are what its log says exits 0; a row changed with plain SQL exits 1, named. */
class CheckStoreCommandTest {

    private static final String URL = "jdbc:h2:mem:checkstorecommandtest;DB_CLOSE_DELAY=-1";
    private static final byte[] KEY = "the child key of check-store....".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void namesTheRegistrationWhoseRowWasChangedInPlace() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(URL);
        Season season = new Season(2014, Instant.parse("2014-05-05T00:00:00Z"), Instant.parse("2014-06-01T00:00:00Z"), 0,
                DistrictCatalog.beijing(), List.of(new School("HD001", "海淀实验小学", "110108", 3, false)), List.of());
        Registry registry = Registry.builder(season, new org.enrollment.core.policy.ReferencePolicies())
                .store(JdbcRegistrationStore.open(h2)).childKey(KEY).clockBound(java.time.temporal.ChronoUnit.FOREVER.getDuration())
                .clock(Clock.fixed(Instant.parse("2014-05-06T01:00:00Z"), ZoneOffset.UTC)).build();
        List<String> numbers = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            ResidentId child = ResidentId.compose("110108", java.time.LocalDate.of(2008, 3, 1 + n), n);
            numbers.add(registry.handle(org.enrollment.core.command.Actor.guardian(),
                    Register.online(child, "王小明", Household.of("110108"), "110108", "HD001")).registrations().get(0).number().value());
        }
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
}
