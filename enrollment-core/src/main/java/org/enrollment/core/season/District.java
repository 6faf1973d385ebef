package org.enrollment.core.season;

import java.util.Objects;
import org.enrollment.core.child.MaskedText;

/**
 * A district (区) of the city, by its 6-digit administrative code, e.g. {@code 110108} 海淀区.
 *
 * @param code the 6-digit code
 * @param name the district's name
 */
public record District(String code, String name) {

    /** Validates both fields. */
    public District {
        Objects.requireNonNull(code, "code");
        SeasonText.name("Name of district " + code, name);
        if (!code.matches("\\d{6}")) {
            throw new IllegalArgumentException("District code must be 6 digits, was '" + code + "'.");
        }
    }

    /** The record's usual form, resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
