package org.enrollment.core.registry;

import java.util.Map;
import org.enrollment.core.child.Household;
import org.enrollment.core.command.Reason;
import org.enrollment.core.policy.PolicyEngine;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;
import org.enrollment.core.store.RegistrationStore;

/**
 * What every part of the judge reads: the season, the policies, the store as it is now, and the input check.
 *
 * @param season the season
 * @param policies the policies asked at step 4
 * @param store the store, read and never written while judging
 * @param input the Bean Validation check of step 1
 */
record Judging(Season season, PolicyEngine policies, RegistrationStore store, InputCheck input) {

    /** Step 1: a well-formed household that names a district must name one of the season's. */
    Reason householdProblem(String field, String household) {
        Household h = Household.of(household);
        return h.beijing() && !season.districts().contains(h.code()) ? Reasons.unknownDistrict(field, household) : null;
    }

    /** Step 1: a well-formed school code must name one of the season's schools. */
    Reason schoolProblem(String field, String code) {
        return season.school(code).isPresent() ? null : Reasons.unknownSchool(field, code);
    }

    /** Step 1: a well-formed district code must name one of the season's districts. */
    Reason districtProblem(String field, String code) {
        return season.districts().contains(code) ? null : Reasons.unknownDistrict(field, code);
    }

    /** The plan the store checks a change against: the school's. */
    static Map<String, Integer> planOf(School school) {
        return Map.of(school.code(), school.plan());
    }
}
