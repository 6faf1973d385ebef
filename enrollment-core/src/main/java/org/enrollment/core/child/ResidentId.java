package org.enrollment.core.child;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child's 18-character resident ID (居民身份证号码), as GB 11643-1999 defines it: a 6-digit area code,
 * an 8-digit birth date, a 3-digit sequence (odd for a boy) and an ISO 7064 MOD 11-2 check character.
 *
 * <p>An instance is always valid: {@link #of(String)} refuses anything else. {@link #toString()} masks
 * the birth date and most of the sequence, so the ID can be logged or shown without revealing it; only
 * {@link #value()} gives the raw text.
 */
public final class ResidentId implements Comparable<ResidentId> {

    private static final int LENGTH = 18;
    /** The earliest birth year an ID may carry: no one born before it holds one. */
    public static final int FIRST_BIRTH_YEAR = 1900;
    private static final Pattern ID_SHAPED = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])");

    private final String value;

    private ResidentId(String value) {
        this.value = value;
    }

    /**
     * Parses a resident ID.
     *
     * @throws IllegalArgumentException naming the masked text and what is wrong with it
     */
    public static ResidentId of(String text) {
        Objects.requireNonNull(text, "text");
        Problem problem = problemWith(text);
        if (problem != null) {
            throw new IllegalArgumentException("Resident ID " + mask(text) + " is not valid: " + problem.en() + ".");
        }
        return new ResidentId(text);
    }

    /** Whether {@link #of(String)} would accept the text. */
    public static boolean isValid(String text) {
        return text != null && problemWith(text) == null;
    }

    /**
     * What is wrong with the text as a resident ID, in Chinese and English, or {@code null} when it is valid.
     */
    public static Problem problemWith(String text) {
        if (text.length() != LENGTH) {
            return new Problem("共 " + text.length() + " 个字符，应为 18 个", "it has " + text.length() + " characters, not 18");
        }
        for (int i = 0; i < LENGTH - 1; i++) {
            if (!isAsciiDigit(text.charAt(i))) {
                return new Problem("第 " + (i + 1) + " 个字符不是数字", "character " + (i + 1) + " is not a digit");
            }
        }
        char check = text.charAt(LENGTH - 1);
        if (!isAsciiDigit(check) && check != 'X') {
            return new Problem("校验码既不是数字也不是 X", "the check character is neither a digit nor X");
        }
        int year = number(text, 6, 10);
        int month = number(text, 10, 12);
        int day = number(text, 12, 14);
        if (month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
            return new Problem("出生日期不是真实的日期", "the birth date is not a real calendar date");
        }
        if (year < FIRST_BIRTH_YEAR) {
            return new Problem("出生年份早于 " + FIRST_BIRTH_YEAR + " 年", "the birth year is before " + FIRST_BIRTH_YEAR);
        }
        if (Mod11Check.of(text, LENGTH - 1) != check) {
            return new Problem("校验码不符", "the check character does not match");
        }
        return null;
    }

    /**
     * Builds a valid ID from its parts, computing the check character: for tests, simulators and fixtures.
     *
     * @param areaCode six digits
     * @param birthDate the child's birth date
     * @param sequence 0 to 999; odd for a boy
     */
    public static ResidentId compose(String areaCode, LocalDate birthDate, int sequence) {
        if (areaCode == null || areaCode.length() != 6 || !areaCode.chars().allMatch(ResidentId::isAsciiDigit)) {
            throw new IllegalArgumentException("areaCode must be 6 digits, was '" + areaCode + "'.");
        }
        if (sequence < 0 || sequence > 999) {
            throw new IllegalArgumentException("sequence must be 0 to 999, was " + sequence + ".");
        }
        if (birthDate.getYear() < FIRST_BIRTH_YEAR || birthDate.getYear() > 9999) {
            throw new IllegalArgumentException("birthDate must be in the years " + FIRST_BIRTH_YEAR + " to 9999, was " + birthDate + ".");
        }
        String body = areaCode + String.format("%04d%02d%02d%03d",
                birthDate.getYear(), birthDate.getMonthValue(), birthDate.getDayOfMonth(), sequence);
        return new ResidentId(body + Mod11Check.of(body));
    }

    /** Masks the middle of any text that may be a resident ID, valid or not, for logs and messages. */
    public static String mask(String text) {
        if (text == null) {
            return "null";
        }
        int n = text.length();
        if (n <= 10) {
            return text.substring(0, Math.min(2, n)) + "*".repeat(Math.max(0, n - 2));
        }
        return text.substring(0, 6) + "*".repeat(n - 10) + text.substring(n - 4);
    }

    /** Masks, as {@link #mask} does, everything in free text shaped like a resident ID (18 characters, 17 digits and a check character). */
    public static String maskAll(String text) {
        if (text == null) {
            return "null";
        }
        return hasIdShapedRun(text) ? ID_SHAPED.matcher(text).replaceAll(m -> Matcher.quoteReplacement(mask(m.group()))) : text;
    }

    /** Whether the text holds 17 ASCII digits in a row, without which nothing in it is shaped like a resident ID. */
    private static boolean hasIdShapedRun(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = isAsciiDigit(text.charAt(i)) ? run + 1 : 0;
            if (run == LENGTH - 1) {
                return true;
            }
        }
        return false;
    }

    /** The raw 18 characters. Handle with care: this is personal data. */
    public String value() {
        return value;
    }

    /** The 6-digit administrative area code of the place the ID was issued. */
    public String areaCode() {
        return value.substring(0, 6);
    }

    /** The birth date, read from characters 7 to 14. */
    public LocalDate birthDate() {
        return LocalDate.of(number(value, 6, 10), number(value, 10, 12), number(value, 12, 14));
    }

    /** The child's sex, from the parity of the sequence. */
    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** Whether the child is at least {@code years} old on {@code day}. */
    public boolean isAtLeastYearsOldOn(int years, LocalDate day) {
        return !birthDate().plusYears(years).isAfter(day);
    }

    /** The number the digits {@code text[from..to)} spell; the caller has checked that they are digits. */
    private static int number(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = 10 * n + (text.charAt(i) - '0');
        }
        return n;
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResidentId other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public int compareTo(ResidentId other) {
        return value.compareTo(other.value);
    }

    /** The masked form, e.g. {@code 110108********123X}. */
    @Override
    public String toString() {
        return mask(value);
    }
}
