package org.enrollment.core.child;

import java.util.Objects;
import java.util.Optional;

/**
 * The child's household registration (户籍): Beijing (京籍) in one of the city's districts, or from
 * elsewhere (非京籍) with the 6-digit province code. Written as the district code, or {@code NB:} and
 * the province code (e.g. {@code NB:130000}).
 *
 * @param beijing whether the household is registered in Beijing
 * @param code the district code (京籍) or the province code (非京籍)
 */
public record Household(boolean beijing, String code) {

    private static final String NON_BEIJING_PREFIX = "NB:";

    /** Validates the code: six digits. */
    public Household {
        Objects.requireNonNull(code, "code");
        if (!isSixDigits(code)) {
            throw new IllegalArgumentException("Household code must be 6 digits, was '" + code + "'.");
        }
    }

    /**
     * Parses {@code 110108} (京籍) or {@code NB:130000} (非京籍).
     *
     * @throws IllegalArgumentException naming the text
     */
    public static Household of(String text) {
        Objects.requireNonNull(text, "text");
        if (text.startsWith(NON_BEIJING_PREFIX)) {
            return new Household(false, text.substring(NON_BEIJING_PREFIX.length()));
        }
        return new Household(true, text);
    }

    /** Whether {@link #of(String)} would accept the text. */
    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        String code = text.startsWith(NON_BEIJING_PREFIX) ? text.substring(NON_BEIJING_PREFIX.length()) : text;
        return isSixDigits(code);
    }

    /** Six ASCII digits (what {@code \d{6}} matches), checked by hand: a household is read with every register. */
    private static boolean isSixDigits(String code) {
        if (code.length() != 6) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The Beijing district of a 京籍 household; empty for 非京籍. */
    public Optional<String> district() {
        return beijing ? Optional.of(code) : Optional.empty();
    }

    /** The written form, {@code 110108} or {@code NB:130000}. */
    @Override
    public String toString() {
        return beijing ? code : NON_BEIJING_PREFIX + code;
    }
}
