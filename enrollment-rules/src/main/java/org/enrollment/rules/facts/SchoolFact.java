package org.enrollment.rules.facts;

import org.enrollment.core.season.School;

/**
 * The school the command concerns (学校), with how many places of its plan (招生计划) are taken now.
 *
 * @param code the school's code
 * @param district the code of the district it is in
 * @param plan how many children it may pre-admit
 * @param boarding whether it is a boarding school (寄宿学校)
 * @param placesTaken places of the plan taken now: registrations PRE_ADMITTED and later
 */
public record SchoolFact(String code, String district, int plan, boolean boarding, int placesTaken) {

    /** The facts of the school with this many places of its plan taken. */
    public static SchoolFact of(School school, int placesTaken) {
        return new SchoolFact(school.code(), school.district(), school.plan(), school.boarding(), placesTaken);
    }

    /** Places of the plan left: the plan less the places taken. */
    public int placesLeft() {
        return plan - placesTaken;
    }
}
