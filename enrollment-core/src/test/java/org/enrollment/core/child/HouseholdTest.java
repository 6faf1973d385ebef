package org.enrollment.core.child;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The household registration (户籍): Beijing by district code, elsewhere as {@code NB:} and the province. */
class HouseholdTest {

    @Test
    void readsABeijingHouseholdAsItsDistrict() {
        Household h = Household.of("110108");

        assertThat(h.beijing()).isTrue();
        assertThat(h.code()).isEqualTo("110108");
        assertThat(h.district()).contains("110108");
        assertThat(h).hasToString("110108");
    }

    @Test
    void readsAHouseholdFromElsewhereWithItsProvinceAndNoDistrict() {
        Household h = Household.of("NB:130000");

        assertThat(h.beijing()).isFalse();
        assertThat(h.code()).isEqualTo("130000");
        assertThat(h.district()).isEmpty();
        assertThat(h).hasToString("NB:130000");
        assertThat(Household.of(h.toString())).isEqualTo(h);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "11010", "1101080", "11O108", "NB:", "NB:13000", "NB:1300000", "nb:130000", "NB130000",
            "NB:NB:130000", " 110108", "110108 "})
    void refusesAnythingElseNamingTheText(String text) {
        assertThat(Household.isValid(text)).isFalse();
        assertThatThrownBy(() -> Household.of(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6 digits");
    }

    @Test
    void saysNullIsNotAHousehold() {
        assertThat(Household.isValid(null)).isFalse();
        assertThatThrownBy(() -> Household.of(null)).isInstanceOf(NullPointerException.class).hasMessage("text");
    }
}
