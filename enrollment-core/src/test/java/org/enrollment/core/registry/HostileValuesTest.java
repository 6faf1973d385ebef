package org.enrollment.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.Outcome;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.command.Register;
import org.enrollment.core.fixture.ChildIds;
import org.enrollment.core.fixture.MutableClock;
import org.enrollment.core.fixture.ScenarioSeason;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.season.CoBuildAgreement;
import org.enrollment.core.season.DistrictCatalog;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;
import org.enrollment.core.store.InMemoryRegistrationStore;
import org.enrollment.core.store.RegistrationStore;
import org.enrollment.core.store.jdbc.JdbcRegistrationStore;
import org.enrollment.core.store.jdbc.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile values of issue 13 through the API, on the in-memory store and the JDBC store (H2): names that
 * hide or disguise text, a name holding a resident ID, an ID born in year 0000 are clean refusals naming the
 * field, nothing stored; names are kept in NFC; a season year past four digits, or a code or name with a NUL,
 * is refused when the season is made, naming the field.
 */
class HostileValuesTest {

    private static final String HAIDIAN = ScenarioSeason.HAIDIAN;

    static Stream<Arguments> hostileNames() {
        return stores().flatMap(store -> Stream.of(
                Arguments.of(store, "only zero-width spaces", "\u200B\u200B\u200B"),
                Arguments.of(store, "a right-to-left override", "王\u202E明小"),
                Arguments.of(store, "tag characters", "王\uDB40\uDC41\uDB40\uDC42明"),
                Arguments.of(store, "U+FFFF", "王\uFFFF明"),
                Arguments.of(store, "an 18-digit resident ID", "王" + ChildIds.eligible(HAIDIAN, 9)),
                Arguments.of(store, "only a combining mark", "\u0301")));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("hostileNames")
    void refusesANameThatHidesOrDisguisesTextNamingTheField(StoreKind store, String kind, String name) {
        Registry registry = registry(store);
        String child = ChildIds.eligible(HAIDIAN, 1);

        Decision d = registry.handle(Actor.guardian(), new Register(child, name, HAIDIAN, HAIDIAN, "HD001", null));

        assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(d.reasonCodes()).containsExactly(ReasonCode.INVALID_INPUT);
        assertThat(d.reasons().get(0).messageEn()).startsWith("name: must ").doesNotContain(ChildIds.eligible(HAIDIAN, 9));
        assertThat(registry.registrationsOf(ResidentId.of(child))).isEmpty();
        assertThat(registry.audit().head().count()).as("the refusal is recorded").isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void refusesAResidentIdBornInYearZeroNamingTheChild(StoreKind store) {
        Registry registry = registry(store);

        Decision d = registry.handle(Actor.guardian(), new Register("110108000001010019", "王小明", HAIDIAN, HAIDIAN, "HD001", null));

        assertThat(d.reasonCodes()).containsExactly(ReasonCode.INVALID_RESIDENT_ID);
        assertThat(d.reasons().get(0).messageEn()).startsWith("child: ").contains("the birth year is before 1900")
                .doesNotContain("110108000001010019");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void keepsNamesInNormalFormC(StoreKind store) {
        Registry registry = registry(store);

        Decision d = registry.handle(Actor.guardian(), new Register(ChildIds.eligible(HAIDIAN, 2), "Zoe\u0301 王", HAIDIAN, HAIDIAN, "HD001", null));

        assertThat(d.isAccepted()).as("%s", d.reasons()).isTrue();
        assertThat(registry.find(d.registrations().get(0).number()).orElseThrow().name()).isEqualTo("Zo\u00E9 王");
    }

    @Test
    void refusesASeasonYearPastFourDigitsNamingTheYear() {
        for (int year : new int[] {99_999, Integer.MAX_VALUE, 0, 1900}) {
            assertThatThrownBy(() -> season(year, "HD001", "U"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Season year must be 1901 to 9999, was " + year);
        }
    }

    @Test
    void refusesACodeOrNameWithANulWhenTheSeasonIsMade() {
        assertThatThrownBy(() -> season(2014, "HD\u0000001", "U")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("School code 'HD\\u0000001' holds the character U+0000");
        assertThatThrownBy(() -> season(2014, "HD001", "U\u0000")).hasMessageContaining("Co-build unit");
        assertThatThrownBy(() -> new School("HD001", "海淀\u0000小学", HAIDIAN, 1, false)).hasMessageContaining("Name of school HD001");
    }

    private static Season season(int year, String school, String unit) {
        return new Season(year, Instant.parse("2014-05-05T00:00:00Z"), Instant.parse("2014-06-01T00:00:00Z"), 0,
                DistrictCatalog.beijing(), List.of(new School(school, "海淀实验小学", HAIDIAN, 3, false)),
                List.of(new CoBuildAgreement(unit, school, 1)));
    }

    /** The stores the values go through. */
    enum StoreKind {
        MEMORY(InMemoryRegistrationStore::new),
        H2(() -> JdbcRegistrationStore.open(TestDatabase.H2.fresh()));

        private final Supplier<RegistrationStore> make;

        StoreKind(Supplier<RegistrationStore> make) {
            this.make = make;
        }
    }

    static Stream<StoreKind> stores() {
        return Stream.of(StoreKind.values());
    }

    private static Registry registry(StoreKind store) {
        return Registry.builder(ScenarioSeason.plain(), new ReferencePolicies()).store(store.make.get())
                .clock(MutableClock.at("2014-05-10T09:00:00+08:00")).clockBound(ChronoUnit.FOREVER.getDuration())
                .childKey(new byte[16]).build();
    }
}
