package org.enrollment.core.child;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The resident ID (GB 11643-1999): valid IDs are accepted and give their birth date and sex; the MOD 11-2
 * check character catches every single-character change and every swap of two adjacent characters; the
 * masked form never shows the birth date.
 */
class ResidentIdProperties {

    private static final String ALPHABET = "0123456789X";
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    @Example
    void acceptsTheExampleOfTheStandardAndReadsBirthDateAndSex() {
        ResidentId id = ResidentId.of("11010519491231002X");

        assertThat(id.areaCode()).isEqualTo("110105");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.sex()).isEqualTo(Sex.FEMALE);
        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id).hasToString("110105********002X");
    }

    @Example
    void refusesTextOfTheWrongLengthOrWithLettersOrAnImpossibleDate() {
        assertThat(ResidentId.isValid("11010519491231002")).isFalse();
        assertThat(ResidentId.isValid("11010519491231002XX")).isFalse();
        assertThat(ResidentId.isValid("11010519491231002x")).isFalse();
        assertThat(ResidentId.isValid("1101051949123100AX")).isFalse();
        assertThat(ResidentId.isValid(null)).isFalse();
        String feb30 = "11010520080230001";
        assertThat(ResidentId.isValid(feb30 + Mod11Check.of(feb30))).isFalse();
        assertThatThrownBy(() -> ResidentId.of("110105194912310020"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("110105********0020")
                .hasMessageNotContaining("19491231")
                .hasMessageContaining("check character");
    }

    @Example
    void aChildBornOn31AugustIsSixByTheCutOffAndOneBornOn1SeptemberIsNot() {
        LocalDate cutoff = LocalDate.of(2014, 8, 31);

        assertThat(ResidentId.compose("110108", LocalDate.of(2008, 8, 31), 1).isAtLeastYearsOldOn(6, cutoff)).isTrue();
        assertThat(ResidentId.compose("110108", LocalDate.of(2008, 9, 1), 1).isAtLeastYearsOldOn(6, cutoff)).isFalse();
        assertThat(ResidentId.compose("110108", LocalDate.of(2008, 2, 29), 1).isAtLeastYearsOldOn(6, cutoff)).isTrue();
    }

    @Property
    void acceptsEveryComposedIdAndDerivesBirthDateAndSex(@ForAll("areaCodes") String area, @ForAll("birthDates") LocalDate born,
                                                         @ForAll @IntRange(min = 0, max = 999) int sequence) {
        ResidentId composed = ResidentId.compose(area, born, sequence);

        ResidentId parsed = ResidentId.of(composed.value());
        assertThat(parsed).isEqualTo(composed);
        assertThat(parsed.areaCode()).isEqualTo(area);
        assertThat(parsed.birthDate()).isEqualTo(born);
        assertThat(parsed.sex()).isEqualTo(sequence % 2 == 1 ? Sex.MALE : Sex.FEMALE);
        assertThat(parsed.value()).hasSize(18).startsWith(area + born.format(BASIC) + String.format("%03d", sequence));
    }

    @Property
    void refusesEverySingleCharacterChange(@ForAll("validIds") String valid) {
        int checked = 0;
        for (int i = 0; i < valid.length(); i++) {
            for (char c : ALPHABET.toCharArray()) {
                if (c == valid.charAt(i)) {
                    continue;
                }
                String changed = valid.substring(0, i) + c + valid.substring(i + 1);
                assertThat(ResidentId.isValid(changed)).as("%s changed at %d to %s", valid, i, c).isFalse();
                checked++;
            }
        }
        assertThat(checked).isEqualTo(18 * 10);
    }

    @Property
    void refusesEverySwapOfTwoDifferentAdjacentCharacters(@ForAll("validIds") String valid) {
        for (int i = 0; i + 1 < valid.length(); i++) {
            if (valid.charAt(i) == valid.charAt(i + 1)) {
                continue;
            }
            String swapped = valid.substring(0, i) + valid.charAt(i + 1) + valid.charAt(i) + valid.substring(i + 2);
            assertThat(ResidentId.isValid(swapped)).as("%s swapped at %d", valid, i).isFalse();
        }
    }

    @Property
    void maskedFormNeverShowsTheBirthDate(@ForAll("validIds") String valid) {
        ResidentId id = ResidentId.of(valid);
        String shown = id.toString();

        assertThat(shown).hasSize(18).doesNotContain(id.birthDate().format(BASIC));
        assertThat(shown.substring(6, 14)).isEqualTo("********");
        assertThat(shown).startsWith(valid.substring(0, 6)).endsWith(valid.substring(14));
        assertThat(ResidentId.mask(valid)).isEqualTo(shown);
    }

    /**
     * The birth date is read by hand (no substrings, no {@code LocalDate} per check): an ID is valid exactly when
     * the calendar has its date, the year is 1900 or later and the check character matches, and a date the calendar
     * has not is named as such, for dates at and around every edge (month 00 and 13, day 00 and 32, 29 February of
     * leap and common years, 1899 and 1900).
     */
    @Property(tries = 3000)
    void theBirthDateIsCheckedAsTheCalendarHasIt(@ForAll("edgeDates") String date, @ForAll("areaCodes") String area,
                                                @ForAll @IntRange(min = 0, max = 999) int seq, @ForAll boolean rightCheck) {
        String body = area + date + String.format("%03d", seq);
        char check = rightCheck ? Mod11Check.of(body) : (Mod11Check.of(body) == '0' ? '1' : '0');
        LocalDate real;
        try {
            real = LocalDate.parse(date, BASIC.withResolverStyle(java.time.format.ResolverStyle.STRICT));
        } catch (java.time.format.DateTimeParseException e) {
            real = null;
        }
        Problem problem = ResidentId.problemWith(body + check);

        if (real == null) {
            assertThat(problem).as(date).isNotNull();
            assertThat(problem.en()).isEqualTo("the birth date is not a real calendar date");
        } else if (real.getYear() < ResidentId.FIRST_BIRTH_YEAR) {
            assertThat(problem.en()).isEqualTo("the birth year is before 1900");
        } else {
            if (rightCheck) {
                assertThat(problem).as(date).isNull();
                assertThat(ResidentId.of(body + check).birthDate()).isEqualTo(real);
            } else {
                assertThat(problem.en()).isEqualTo("the check character does not match");
            }
        }
    }

    /** Masking free text scans it by hand first and leaves alone what has no 17 digits in a row: as the pattern does. */
    @Property(tries = 3000)
    void maskAllMasksWhatThePatternFinds(@ForAll("freeText") String text) {
        java.util.regex.Pattern idShaped = java.util.regex.Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])");
        String expected = idShaped.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(ResidentId.mask(m.group())));

        assertThat(ResidentId.maskAll(text)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> edgeDates() {
        Arbitrary<String> years = Arbitraries.of("0000", "1600", "1899", "1900", "1901", "2000", "2008", "2014", "2100", "9999");
        Arbitrary<String> months = Arbitraries.of("00", "01", "02", "04", "09", "11", "12", "13", "99");
        Arbitrary<String> days = Arbitraries.of("00", "01", "28", "29", "30", "31", "32", "99");
        return Combinators.combine(years, months, days).as((y, m, d) -> y + m + d);
    }

    @Provide
    Arbitrary<String> freeText() {
        Arbitrary<String> pieces = Arbitraries.oneOf(Arbitraries.strings().numeric().ofMinLength(15).ofMaxLength(20),
                Arbitraries.of("X", "x", "a", " ", ":", "李", "-"), validIds());
        return pieces.list().ofMaxSize(5).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> areaCodes() {
        return Arbitraries.strings().numeric().ofLength(6);
    }

    @Provide
    Arbitrary<LocalDate> birthDates() {
        long from = LocalDate.of(1900, 1, 1).toEpochDay();
        long to = LocalDate.of(2099, 12, 31).toEpochDay();
        return Arbitraries.longs().between(from, to).map(LocalDate::ofEpochDay);
    }

    @Provide
    Arbitrary<String> validIds() {
        return Combinators.combine(areaCodes(), birthDates(), Arbitraries.integers().between(0, 999))
                .as((area, born, seq) -> ResidentId.compose(area, born, seq).value());
    }
}
