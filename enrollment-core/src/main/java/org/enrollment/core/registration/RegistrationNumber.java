package org.enrollment.core.registration;

import java.util.Objects;
import java.util.regex.Pattern;
import org.enrollment.core.child.Mod11Check;

/**
 * The pre-registration number (预登记号) printed top right on the form: district, year, a sequence
 * and a MOD 11-2 check character, e.g. {@code 110108-2014-000123-5}. Unique and never reused.
 *
 * @param value the written form
 */
public record RegistrationNumber(String value) implements Comparable<RegistrationNumber> {

    private static final Pattern FORM = Pattern.compile("(\\d{6})-(\\d{4})-(\\d{6})-([0-9X])");

    /** Validates the form and the check character. */
    public RegistrationNumber {
        Objects.requireNonNull(value, "value");
        var m = FORM.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("Pre-registration number must look like 110108-2014-000123-5, was '" + value + "'.");
        }
        if (Mod11Check.of(m.group(1) + m.group(2) + m.group(3)) != m.group(4).charAt(0)) {
            throw new IllegalArgumentException("Pre-registration number " + value + " has a wrong check character.");
        }
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
