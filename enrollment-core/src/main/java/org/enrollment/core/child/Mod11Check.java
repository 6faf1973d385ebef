package org.enrollment.core.child;

/**
 * The ISO 7064 MOD 11-2 check character, as used by resident IDs and by pre-registration numbers.
 */
public final class Mod11Check {

    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private Mod11Check() {
    }

    /**
     * The check character of a string of ASCII digits.
     *
     * @throws IllegalArgumentException when the text holds anything but digits
     */
    public static char of(CharSequence digits) {
        return of(digits, digits.length());
    }

    /**
     * The check character of the first {@code length} characters of the text, ASCII digits.
     *
     * @throws IllegalArgumentException when they hold anything but digits
     */
    public static char of(CharSequence digits, int length) {
        int sum = 0;
        int weight = 1;
        for (int i = length - 1; i >= 0; i--) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("MOD 11-2 needs digits only; character " + (i + 1) + " is not one.");
            }
            weight = (weight * 2) % 11;
            sum += (c - '0') * weight;
        }
        return CHECK[sum % 11];
    }
}
