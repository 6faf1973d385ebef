package org.enrollment.rules.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.ListedChildText;
import org.enrollment.core.command.Register;
import org.enrollment.core.policy.PolicyEngine;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.season.CoBuildAgreement;
import org.enrollment.core.season.District;
import org.enrollment.core.season.DistrictCatalog;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;

/**
 * A season for benchmarks: Beijing's sixteen districts, twenty day schools in each with room for everyone,
 * then one boarding school (in 海淀), also with room for everyone; one co-build unit with an agreement with
 * the first day school whose quota is {@value #CO_BUILD_QUOTA}, so that a longer list waits for the school's
 * selection; a clock stopped inside the registration window, and as many distinct six-year-olds as asked for.
 */
final class BenchSeason {

    /** The moment every command is given: the second day of the window, 09:00 in Beijing. */
    static final Instant IN_WINDOW = OffsetDateTime.of(2014, 5, 6, 9, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant();

    private static final int SCHOOLS_PER_DISTRICT = 20;
    private static final LocalDate FIRST_BIRTHDAY = LocalDate.of(2007, 9, 1);
    private static final int BIRTHDAYS = 365;
    private static final int SEQUENCES = 1000;

    /** The boarding school: after the day schools, so that their places in the list stay as they were. */
    static final School BOARDING_SCHOOL = new School("110108-B", "寄宿小学", "110108", 1_000_000, true);
    /** The co-build unit. */
    static final String CO_BUILD_UNIT = "BENCH-UNIT";
    /** How many children the unit may place at its school this season: a list of more waits for a selection. */
    static final int CO_BUILD_QUOTA = 2;

    static final Season SEASON = season();

    private BenchSeason() {
    }

    private static Season season() {
        List<School> schools = new ArrayList<>();
        for (District d : DistrictCatalog.beijing().all()) {
            for (int s = 0; s < SCHOOLS_PER_DISTRICT; s++) {
                schools.add(new School(d.code() + "-" + s, "小学" + s, d.code(), 1_000_000, false));
            }
        }
        schools.add(BOARDING_SCHOOL);
        CoBuildAgreement agreement = new CoBuildAgreement(CO_BUILD_UNIT, schools.get(0).code(), CO_BUILD_QUOTA);
        return new Season(2014, OffsetDateTime.of(2014, 5, 5, 0, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant(),
                OffsetDateTime.of(2014, 6, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant(), 3,
                DistrictCatalog.beijing(), schools, List.of(agreement));
    }

    /** The school the co-build unit has its agreement with: the first day school (东城). */
    static School coBuildSchool() {
        return SEASON.schools().get(0);
    }

    /** A registry of the season whose clock stands still in the window, with the in-memory store. */
    static Registry registry(PolicyEngine policies) {
        return Registry.builder(SEASON, policies).clock(Clock.fixed(IN_WINDOW, ZoneOffset.UTC)).build();
    }

    /** The {@code n}-th child of the season (distinct for every {@code n} below about 5.8 million): a Beijing household. */
    static ResidentId child(long n) {
        List<District> districts = DistrictCatalog.beijing().all();
        int district = (int) (n % districts.size());
        long rest = n / districts.size();
        return ResidentId.compose(districts.get(district).code(), FIRST_BIRTHDAY.plusDays(rest % BIRTHDAYS),
                (int) (rest / BIRTHDAYS % SEQUENCES));
    }

    /** The day school the {@code n}-th child registers at online: one in its household district. */
    static School schoolOf(long n) {
        int districts = DistrictCatalog.beijing().all().size();
        int district = (int) (n % districts);
        return SEASON.schools().get(district * SCHOOLS_PER_DISTRICT + (int) (n / districts % SCHOOLS_PER_DISTRICT));
    }

    /** The online registration of the {@code n}-th child at its school. */
    static Register register(long n) {
        School school = schoolOf(n);
        return new Register(child(n).value(), "王小明", school.district(), school.district(), school.code(), null);
    }

    /** The boarding application of the {@code n}-th child: registered in the boarding school's district. */
    static Register registerBoarding(long n) {
        return new Register(child(n).value(), "王小明", schoolOf(n).district(), BOARDING_SCHOOL.district(),
                BOARDING_SCHOOL.code(), "BOARDING");
    }

    /** The {@code n}-th child as a co-build unit lists it: a Beijing household in the child's district. */
    static ListedChildText listed(long n) {
        return new ListedChildText(child(n).value(), "王小明", schoolOf(n).district());
    }

    /**
     * Registers children {@code 0} to {@code count - 1}.
     *
     * @throws IllegalStateException when one is refused: the benchmark would not measure what it says
     */
    static void preload(Registry registry, int count) {
        for (int i = 0; i < count; i++) {
            accepted(registry.handle(Actor.guardian(), register(i)), "register child " + i);
        }
    }

    /** The decision, when accepted. */
    static Decision accepted(Decision d, String what) {
        if (!d.isAccepted()) {
            throw new IllegalStateException(what + " was refused: " + d.reasonCodes());
        }
        return d;
    }
}
