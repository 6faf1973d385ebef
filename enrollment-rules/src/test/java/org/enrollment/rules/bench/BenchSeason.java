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
import org.enrollment.core.command.Register;
import org.enrollment.core.policy.PolicyEngine;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.season.District;
import org.enrollment.core.season.DistrictCatalog;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;

/**
 * A season for benchmarks: Beijing's sixteen districts, twenty day schools in each with room for everyone,
 * a clock stopped inside the registration window, and as many distinct six-year-olds as asked for.
 */
final class BenchSeason {

    /** The moment every command is given: the second day of the window, 09:00 in Beijing. */
    static final Instant IN_WINDOW = OffsetDateTime.of(2014, 5, 6, 9, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant();

    private static final int SCHOOLS_PER_DISTRICT = 20;
    private static final LocalDate FIRST_BIRTHDAY = LocalDate.of(2007, 9, 1);
    private static final int BIRTHDAYS = 365;
    private static final int SEQUENCES = 1000;

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
        return new Season(2014, OffsetDateTime.of(2014, 5, 5, 0, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant(),
                OffsetDateTime.of(2014, 6, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant(), 3,
                DistrictCatalog.beijing(), schools, List.of());
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

    /** The school the {@code n}-th child registers at: one in its household district. */
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
