package org.enrollment.core.store;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.enrollment.core.audit.AuditRecord;
import org.enrollment.core.child.Household;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.registration.NewRegistration;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.registration.Route;
import org.enrollment.core.season.CoBuildAgreement;
import org.enrollment.core.season.DistrictCatalog;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;

/** A small season, children and change sets for the store tests: every store must treat them alike. */
public final class StoreFixtures {

    /** The season's year. */
    /** The child key every registry of the store tests uses (a store that outlives the process needs one). */
    public static final byte[] CHILD_KEY = "the store tests' child key, 32b.".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** The log's key of the store tests: the published Go sumdb/note example key. */
    public static final org.enrollment.core.audit.tlog.SigningKey LOG_KEY = org.enrollment.core.audit.tlog.SigningKey.of(
            "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz");

    public static final int YEAR = 2025;
    /** 海淀. */
    public static final String HAIDIAN = "110108";
    /** 朝阳. */
    public static final String CHAOYANG = "110105";
    /** A Haidian school with two places. */
    public static final String SMALL_SCHOOL = "HD001";
    /** A Haidian school with room for everyone. */
    public static final String BIG_SCHOOL = "HD002";
    /** A Chaoyang school. */
    public static final String CHAOYANG_SCHOOL = "CY001";
    /** The plan of the small school. */
    public static final int SMALL_PLAN = 2;
    /** The plan of the big school. */
    public static final int BIG_PLAN = 100_000;
    /** A co-build unit with an agreement with the big school. */
    public static final String UNIT = "U-ACAD";
    /** An instant inside the window, with nanoseconds, so that a store must keep them exactly. */
    public static final Instant NOW = Instant.parse("2025-05-10T08:00:00.123456789Z");

    private StoreFixtures() {
    }

    /** The season: window May 2025, three schools, one co-build agreement. */
    public static Season season() {
        return new Season(YEAR, Instant.parse("2025-05-01T00:00:00Z"), Instant.parse("2025-06-01T00:00:00Z"), 3,
                DistrictCatalog.beijing(),
                List.of(new School(SMALL_SCHOOL, "海淀实验小学", HAIDIAN, SMALL_PLAN, false),
                        new School(BIG_SCHOOL, "中关村第一小学", HAIDIAN, BIG_PLAN, false),
                        new School(CHAOYANG_SCHOOL, "朝阳实验小学", CHAOYANG, BIG_PLAN, false)),
                List.of(new CoBuildAgreement(UNIT, BIG_SCHOOL, 5)));
    }

    /** A clock standing at {@link #NOW}. */
    public static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    /** The i-th child (0 to 239,999): born in Haidian in 2019, six by the season's cut-off. */
    public static ResidentId child(int i) {
        return ResidentId.compose(HAIDIAN, LocalDate.of(2019, 1, 1).plusDays(i / 1000), i % 1000);
    }

    /** A plan map naming every school of the season. */
    public static Map<String, Integer> plans() {
        return Map.of(SMALL_SCHOOL, SMALL_PLAN, BIG_SCHOOL, BIG_PLAN, CHAOYANG_SCHOOL, BIG_PLAN);
    }

    /** An online registration of the child in a district's system, for a school, born SUBMITTED. */
    public static NewRegistration online(ResidentId child, String district, String school) {
        return new NewRegistration(YEAR, child, "王小明", Household.of(district), district, school, Route.ONLINE, null,
                RegistrationState.SUBMITTED, NOW);
    }

    /** A co-build registration of the child at the school, born PRE_ADMITTED: it takes a place at once. */
    public static NewRegistration coBuild(ResidentId child, String school) {
        return new NewRegistration(YEAR, child, "李小红", Household.of("NB:130000"), HAIDIAN, school, Route.CO_BUILD, UNIT,
                RegistrationState.PRE_ADMITTED, NOW);
    }

    /** What the audit log records of a command, before the store gives it targets. */
    public static AuditRecord record(String command) {
        return new AuditRecord(NOW, "GUARDIAN", command, List.of(), List.of("c0ffee"), "ACCEPTED", List.of(), List.of(), "");
    }
}
