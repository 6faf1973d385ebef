package org.enrollment.core.season;

import java.util.Objects;
import org.enrollment.core.child.MaskedText;

/**
 * A primary school taking part in the season.
 *
 * @param code the school's code, unique in the season
 * @param name its name
 * @param district the code of the district it is in
 * @param plan its enrolment plan (招生计划): how many children it may pre-admit
 * @param boarding whether it is a boarding school (寄宿学校)
 */
public record School(String code, String name, String district, int plan, boolean boarding) {

    /** Validates the fields. */
    public School {
        SeasonText.code("School code", code);
        SeasonText.name("Name of school " + code, name);
        Objects.requireNonNull(district, "district");
        if (plan < 0) {
            throw new IllegalArgumentException("School " + code + ": plan must be 0 or more, was " + plan + ".");
        }
    }

    /** The record's usual form, resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
