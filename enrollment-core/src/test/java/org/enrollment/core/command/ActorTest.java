package org.enrollment.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Actors in written form: {@code GUARDIAN}, {@code SCHOOL:<code>}, {@code DISTRICT:<code>}, {@code CITY}, {@code COBUILD:<unit>}. */
class ActorTest {

    static Stream<Arguments> validForms() {
        return Stream.of(
                Arguments.of("GUARDIAN", Actor.guardian()),
                Arguments.of("CITY", Actor.city()),
                Arguments.of("SCHOOL:HD001", Actor.school("HD001")),
                Arguments.of("DISTRICT:110108", Actor.district("110108")),
                Arguments.of("COBUILD:U-ACAD", Actor.coBuildUnit("U-ACAD")),
                Arguments.of("SCHOOL:海淀实验小学", Actor.school("海淀实验小学")),
                Arguments.of("SCHOOL:" + "A".repeat(64), Actor.school("A".repeat(64))));
    }

    @ParameterizedTest
    @MethodSource("validForms")
    void parsesEveryValidFormAndWritesItBackTheSame(String text, Actor expected) {
        Actor parsed = Actor.parse(text);

        assertThat(parsed).isEqualTo(expected);
        assertThat(parsed).hasToString(text);
        assertThat(Actor.isValid(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "guardian", "Guardian", "TEACHER", "TEACHER:1", "SCHOOL", "SCHOOL:", "DISTRICT",
            "COBUILD:", "GUARDIAN:me", "CITY:110000", "SCHOOL:HD 001", "SCHOOL:HD:001", " SCHOOL:HD001", "SCHOOL:HD001 ",
            "SCHOOL:HD\u0000001", "SCHOOL:HD\n001", ":HD001", "SCHOOL;HD001"})
    void refusesEveryOtherFormNamingTheText(String text) {
        assertThat(Actor.isValid(text)).isFalse();
        assertThatThrownBy(() -> Actor.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Actor");
    }

    @Test
    void refusesAnIdLongerThanSixtyFourCharacters() {
        String text = "SCHOOL:" + "A".repeat(65);

        assertThat(Actor.isValid(text)).isFalse();
        assertThatThrownBy(() -> Actor.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64");
    }

    @Test
    void namesTheUnknownKindInTheMessageWithControlCharactersShownSafely() {
        assertThatThrownBy(() -> Actor.parse("TEACHER\u0007"))
                .hasMessageContaining("'TEACHER?'")
                .hasMessageContaining("GUARDIAN, SCHOOL:<code>, DISTRICT:<code>, CITY, COBUILD:<unit>");
    }

    @Test
    void saysNullIsNoActor() {
        assertThat(Actor.isValid(null)).isFalse();
    }
}
