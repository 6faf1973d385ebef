package org.enrollment.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.Verify;
import org.enrollment.core.fixture.ChildIds;
import org.enrollment.core.fixture.MutableClock;
import org.enrollment.core.fixture.ScenarioSeason;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registration.RegistrationNumber;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.store.StoreCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 11: an attacker with the database account changes a {@code registration} row in place with plain
 * SQL (its state, school or name); the check of the store against its log names that registration and what
 * differs, and no other.
 */
class RowTamperingIT {

    private static final byte[] KEY = "the city's child key, 32 bytes..".getBytes(StandardCharsets.US_ASCII);

    private static Registry registry(DataSource db) {
        return Registry.builder(ScenarioSeason.plain(), new ReferencePolicies()).store(JdbcRegistrationStore.open(db))
                .clock(new MutableClock(OffsetDateTime.parse("2014-05-06T09:00:00+08:00").toInstant())).clockBound(ChronoUnit.FOREVER.getDuration()).childKey(KEY).build();
    }

    private static String child(int n) {
        return ChildIds.eligible(ScenarioSeason.HAIDIAN, n);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRegistrationRowChangedInPlaceIsNamedWithWhatDiffers(TestDatabase database) {
        DataSource db = database.fresh();
        Registry registry = registry(db);
        List<RegistrationNumber> numbers = new java.util.ArrayList<>();
        for (int n = 0; n < 5; n++) {
            numbers.add(registry.handle("GUARDIAN", new Register(child(n), "王小明" + n, ScenarioSeason.HAIDIAN,
                    ScenarioSeason.HAIDIAN, "HD001", null)).registrations().get(0).number());
        }
        registry.handle("SCHOOL:HD001", new Verify(child(0), "pass", List.of("HUKOU", "BIRTH", "HOME"), null));
        assertThat(registry.checkAgainstLog().holds()).as("an untouched store checks out").isTrue();

        TestDatabase.execute(db,
                "UPDATE registration SET state = 'ADMITTED' WHERE number = '" + numbers.get(1) + "'",
                "UPDATE registration SET school = 'HD002' WHERE number = '" + numbers.get(2) + "'",
                "UPDATE registration SET name = '李四' WHERE number = '" + numbers.get(3) + "'");
        StoreCheck check = registry(db).checkAgainstLog();

        assertThat(check.holds()).isFalse();
        assertThat(check.replayProblems()).isEmpty();
        assertThat(check.differences()).hasSize(3);
        assertThat(String.join("\n", check.differences()))
                .contains("registration " + numbers.get(1) + ": state is ADMITTED in the store, SUBMITTED in the log")
                .contains("registration " + numbers.get(2) + ": school is HD002 in the store, HD001 in the log")
                .contains("registration " + numbers.get(3) + ": name differs from the log")
                .doesNotContain(numbers.get(0).value()).doesNotContain(numbers.get(4).value())
                .doesNotContain("李四").doesNotContain(child(3));
    }
}
