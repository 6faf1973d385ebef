package org.enrollment.core.season;

import java.util.Objects;
import org.enrollment.core.child.MaskedText;

/**
 * A co-build agreement (共建协议) for the season: the unit may recommend up to {@code quota} children to
 * the school without online registration.
 *
 * @param unit the co-build unit's id
 * @param school the school's code
 * @param quota how many of the unit's children the school may take this season
 */
public record CoBuildAgreement(String unit, String school, int quota) {

    /** Validates the fields. */
    public CoBuildAgreement {
        SeasonText.code("Co-build unit", unit);
        SeasonText.code("School code", school);
        if (quota < 0) {
            throw new IllegalArgumentException("Co-build quota of " + unit + " at " + school + " must be 0 or more, was " + quota + ".");
        }
    }

    /** The record's usual form, resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
