package org.enrollment.core.registration;

import java.util.Objects;
import org.enrollment.core.child.Mod11Check;

/**
 * The pre-registration number (预登记号) printed top right on the form: district, year, a sequence
 * and a MOD 11-2 check character, e.g. {@code 110108-2014-000123-5}. Unique and never reused.
 *
 * @param value the written form
 */
public record RegistrationNumber(String value) implements Comparable<RegistrationNumber> {

    /** The written form, {@code 110108-2014-000123-5}: {@code d} a digit, {@code -} itself, {@code c} the check character. */
    private static final String FORM = "dddddd-dddd-dddddd-c";

    /** Validates the form and the check character (read by hand: every registration made is checked). */
    public RegistrationNumber {
        Objects.requireNonNull(value, "value");
        if (!hasForm(value)) {
            throw new IllegalArgumentException("Pre-registration number must look like 110108-2014-000123-5, was '" + value + "'.");
        }
        if (Mod11Check.of(value.substring(0, 6) + value.substring(7, 11) + value.substring(12, 18)) != value.charAt(19)) {
            throw new IllegalArgumentException("Pre-registration number " + value + " has a wrong check character.");
        }
    }

    private static boolean hasForm(String value) {
        if (value.length() != FORM.length()) {
            return false;
        }
        for (int i = 0; i < FORM.length(); i++) {
            char c = value.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            boolean fits = switch (FORM.charAt(i)) {
                case 'd' -> digit;
                case 'c' -> digit || c == 'X';
                default -> c == FORM.charAt(i);
            };
            if (!fits) {
                return false;
            }
        }
        return true;
    }

    /**
     * The number for a district, year and sequence.
     *
     * @param sequence 1 to 999,999
     */
    public static RegistrationNumber of(String district, int year, long sequence) {
        if (sequence < 1 || sequence > 999_999) {
            throw new IllegalArgumentException("Sequence must be 1 to 999999, was " + sequence + " (district " + district + ", year " + year + ").");
        }
        String yearDigits = zeroPadded(year, 4);
        String sequenceDigits = zeroPadded(sequence, 6);
        return new RegistrationNumber(district + '-' + yearDigits + '-' + sequenceDigits + '-'
                + Mod11Check.of(district + yearDigits + sequenceDigits));
    }

    /** {@code String.format("%0<width>d", value)} without the formatter, which showed in profiles of a season. */
    private static String zeroPadded(long value, int width) {
        if (value < 0) {
            return String.format("%0" + width + "d", value);
        }
        String digits = Long.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** The district the number was issued in. */
    public String district() {
        return value.substring(0, 6);
    }

    @Override
    public int compareTo(RegistrationNumber o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
