package org.enrollment.rules.facts;

import org.enrollment.core.season.School;

/** The school the command concerns, with how many places of its plan (招生计划) are taken now. */
public final class SchoolFact {

    private final String code;
    private final String district;
    private final int plan;
    private final boolean boarding;
    private final int placesTaken;

    /**
     * The school's facts.
     *
     * @param placesTaken places of the plan taken now (PRE_ADMITTED and later)
     */
    public SchoolFact(School school, int placesTaken) {
        this.code = school.code();
        this.district = school.district();
        this.plan = school.plan();
        this.boarding = school.boarding();
        this.placesTaken = placesTaken;
    }

    /** The school's code. */
    public String getCode() {
        return code;
    }

    /** The code of the district it is in. */
    public String getDistrict() {
        return district;
    }

    /** How many children it may pre-admit. */
    public int getPlan() {
        return plan;
    }

    /** Whether it is a boarding school (寄宿学校). */
    public boolean isBoarding() {
        return boarding;
    }

    /** Places of the plan taken now: registrations PRE_ADMITTED and later. */
    public int getPlacesTaken() {
        return placesTaken;
    }

    /** Places of the plan left: {@link #getPlan()} less {@link #getPlacesTaken()}. */
    public int getPlacesLeft() {
        return plan - placesTaken;
    }

    @Override
    public String toString() {
        return "SchoolFact[" + code + " (" + district + "), " + placesTaken + " of " + plan + (boarding ? ", boarding" : "") + "]";
    }
}
