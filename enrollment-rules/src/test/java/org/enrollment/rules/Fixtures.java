package org.enrollment.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.enrollment.core.child.Household;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationNumber;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.registration.Route;
import org.enrollment.core.registration.Step;
import org.enrollment.core.season.CoBuildAgreement;
import org.enrollment.core.season.DistrictCatalog;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;

/** The season of the policy tests (2014, as in SCENARIOS.md), its schools, children and registrations. */
final class Fixtures {

    static final Instant OPENS = beijing("2014-05-05T00:00");
    static final Instant CLOSES = beijing("2014-06-01T00:00");
    static final Instant IN_WINDOW = beijing("2014-05-06T09:00");
    static final Instant AFTER_CLOSE = beijing("2014-06-02T09:00");
    static final int GRACE_DAYS = 3;

    static final String HAIDIAN = "110108";
    static final String XICHENG = "110102";
    static final String CHAOYANG = "110105";
    static final String HEBEI = "NB:130000";

    /** A day school in Haidian with a plan of 2. */
    static final School DAY_SCHOOL = new School("HD001", "海淀实验小学", HAIDIAN, 2, false);
    /** A boarding school in Xicheng with a plan of 1. */
    static final School BOARDING_SCHOOL = new School("XC900", "北京小学", XICHENG, 1, true);
    static final CoBuildAgreement AGREEMENT = new CoBuildAgreement("U-ACAD", DAY_SCHOOL.code(), 2);
    static final Season SEASON = new Season(2014, OPENS, CLOSES, GRACE_DAYS, DistrictCatalog.beijing(),
            List.of(DAY_SCHOOL, BOARDING_SCHOOL), List.of(AGREEMENT));

    /** Six on the cut-off day itself. */
    static final ResidentId SIX_ON_CUTOFF = ResidentId.compose(HAIDIAN, LocalDate.of(2008, 8, 31), 13);
    /** Six the day after the cut-off. */
    static final ResidentId SIX_DAY_AFTER_CUTOFF = ResidentId.compose(HAIDIAN, LocalDate.of(2008, 9, 1), 24);
    /** Ten on the cut-off day itself: older than nine, the default upper bound. */
    static final ResidentId TEN_ON_CUTOFF = ResidentId.compose(HAIDIAN, LocalDate.of(2004, 8, 31), 57);
    /** Nine on the cut-off day, ten the day after: the oldest a child may be. */
    static final ResidentId TEN_DAY_AFTER_CUTOFF = ResidentId.compose(HAIDIAN, LocalDate.of(2004, 9, 1), 68);
    static final ResidentId OLDER = ResidentId.compose(XICHENG, LocalDate.of(2008, 1, 15), 35);
    static final ResidentId ANOTHER = ResidentId.compose(CHAOYANG, LocalDate.of(2008, 3, 3), 46);

    private static int sequence;

    private Fixtures() {
    }

    static Instant beijing(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
    }

    /**
     * A registration made online in the school's district, then taken through the lifecycle steps given,
     * each a day apart from the first day of the window.
     */
    static Registration registration(ResidentId child, String household, School school, Route route, Step... steps) {
        Registration r = Registration.create(RegistrationNumber.of(school.district(), 2014, nextSequence()), child, "王小明",
                Household.of(household), school.district(), school.code(), route, null, RegistrationState.SUBMITTED, OPENS);
        return take(r, steps);
    }

    /** A co-build registration, born PRE_ADMITTED, then taken through the steps given. */
    static Registration coBuildRegistration(ResidentId child, Step... steps) {
        Registration r = Registration.create(RegistrationNumber.of(HAIDIAN, 2014, nextSequence()), child, "李小红",
                Household.of(HAIDIAN), HAIDIAN, DAY_SCHOOL.code(), Route.CO_BUILD, AGREEMENT.unit(), RegistrationState.PRE_ADMITTED, OPENS);
        return take(r, steps);
    }

    /** The registration after these steps, each a day after the one before. */
    static Registration take(Registration r, Step... steps) {
        Instant at = r.history().get(r.history().size() - 1).at();
        for (Step s : steps) {
            at = at.plusSeconds(86_400);
            Registration before = r;
            r = r.take(s, at, null).orElseThrow(() -> new IllegalArgumentException(before.state() + " does not allow " + s));
        }
        return r;
    }

    /** The same registration after these steps, each taken at the given instant. */
    static Registration takeAt(Registration r, Instant at, Step... steps) {
        for (Step s : steps) {
            Registration before = r;
            r = r.take(s, at, null).orElseThrow(() -> new IllegalArgumentException(before.state() + " does not allow " + s));
        }
        return r;
    }

    private static synchronized int nextSequence() {
        return ++sequence;
    }
}
