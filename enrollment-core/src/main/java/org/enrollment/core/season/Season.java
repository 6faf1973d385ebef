package org.enrollment.core.season;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One year's collection (年度入学信息采集): the online window, the age cut-off and the upper age bound, the
 * schools and the co-build agreements. Everything that changes from year to year lives here, not in rule files.
 * Write one with {@link #builder(int)}.
 *
 * <p>The window opens inclusively and closes exclusively. A child is old enough when six on or before the
 * cut-off day of the year (31 August by default), and not too old when at most {@link #maximumAge()} years old
 * (nine by default) on that day. After a boarding school's rejection the child's next registration gets
 * {@code boardingGraceDays} more days.
 */
public final class Season {

    /** Age a child must have reached by the cut-off day. */
    public static final int SCHOOL_AGE = 6;
    /** The earliest year a season may have. */
    public static final int FIRST_YEAR = 1901;
    /** The latest year a season may have: pre-registration numbers and dates carry four digits. */
    public static final int LAST_YEAR = 9999;

    private final int year;
    private final Instant opens;
    private final Instant closes;
    private final int boardingGraceDays;
    private final LocalDate ageCutoff;
    private final int maximumAge;
    private final DistrictCatalog districts;
    private final Map<String, School> schools = new LinkedHashMap<>();
    private final List<School> schoolList;
    private final Map<String, CoBuildAgreement> agreements = new LinkedHashMap<>();

    /**
     * A season with the default cut-off day (31 August) and upper age bound (nine); the same as
     * {@code builder(year).window(opens, closes).boardingGraceDays(..).districts(..).schools(..).agreements(..).build()}.
     *
     * @throws IllegalArgumentException as {@link SeasonBuilder#build()}, and when the year is outside {@value #FIRST_YEAR} to
     *         {@value #LAST_YEAR}
     */
    public Season(int year, Instant opens, Instant closes, int boardingGraceDays, DistrictCatalog districts,
                  List<School> schools, List<CoBuildAgreement> agreements) {
        this(builder(year).window(opens, closes).boardingGraceDays(boardingGraceDays).districts(districts)
                .schools(schools).agreements(agreements));
    }

    Season(SeasonBuilder b) {
        if (b.year < FIRST_YEAR || b.year > LAST_YEAR) {
            throw new IllegalArgumentException("Season year must be " + FIRST_YEAR + " to " + LAST_YEAR + ", was " + b.year + ".");
        }
        this.year = b.year;
        this.opens = Objects.requireNonNull(b.opens, "opens");
        this.closes = Objects.requireNonNull(b.closes, "closes");
        this.districts = b.districts;
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("Season " + year + ": opens (" + opens + ") must be before closes (" + closes + ").");
        }
        if (b.boardingGraceDays < 0) {
            throw new IllegalArgumentException("Season " + year + ": boardingGraceDays must be 0 or more, was " + b.boardingGraceDays + ".");
        }
        if (b.maximumAge < SCHOOL_AGE) {
            throw new IllegalArgumentException("Season " + year + ": maximumAge must be " + SCHOOL_AGE + " or more, was "
                    + b.maximumAge + ".");
        }
        this.boardingGraceDays = b.boardingGraceDays;
        this.ageCutoff = b.ageCutoff.atYear(year);
        this.maximumAge = b.maximumAge;
        for (School s : b.schools) {
            if (!districts.contains(s.district())) {
                throw new IllegalArgumentException("School " + s.code() + " is in district " + s.district()
                        + ", which the catalog does not have.");
            }
            if (this.schools.putIfAbsent(s.code(), s) != null) {
                throw new IllegalArgumentException("School code " + s.code() + " appears twice in season " + year + ".");
            }
        }
        this.schoolList = List.copyOf(this.schools.values());
        for (CoBuildAgreement a : b.agreements) {
            if (!this.schools.containsKey(a.school())) {
                throw new IllegalArgumentException("Co-build agreement of " + a.unit() + " names school " + a.school()
                        + ", which the season does not have.");
            }
            if (this.agreements.putIfAbsent(agreementKey(a.unit(), a.school()), a) != null) {
                throw new IllegalArgumentException("Co-build agreement of " + a.unit() + " with " + a.school() + " appears twice.");
            }
        }
    }

    /** A builder of the season of this year (the year children enter school). */
    public static SeasonBuilder builder(int year) {
        return new SeasonBuilder(year);
    }

    private static String agreementKey(String unit, String school) {
        return unit + '\u0000' + school;
    }

    /** The year children enter school. */
    public int year() {
        return year;
    }

    /** When the online window opens (inclusive). */
    public Instant opens() {
        return opens;
    }

    /** When the online window closes (exclusive). */
    public Instant closes() {
        return closes;
    }

    /** Whether the online window is open at that instant. */
    public boolean isWindowOpen(Instant at) {
        return !at.isBefore(opens) && at.isBefore(closes);
    }

    /** Days the window stays open, after a boarding rejection, for the child's next registration. */
    public int boardingGraceDays() {
        return boardingGraceDays;
    }

    /** The grace period as a duration ({@code boardingGraceDays} × 24 hours). */
    public Duration boardingGrace() {
        return Duration.ofHours(24L * boardingGraceDays);
    }

    /** The day by which a child must be six (截止日期): 31 August of the year unless the season says otherwise. */
    public LocalDate ageCutoff() {
        return ageCutoff;
    }

    /** The upper age bound (入学年龄上限): a child older than this, in whole years, on the cut-off day is too old. */
    public int maximumAge() {
        return maximumAge;
    }

    /** The districts of the city. */
    public DistrictCatalog districts() {
        return districts;
    }

    /** The school with this code. */
    public Optional<School> school(String code) {
        return Optional.ofNullable(code == null ? null : schools.get(code));
    }

    /** All schools, in the order given. */
    public List<School> schools() {
        return schoolList;
    }

    /** The co-build agreement between this unit and school, if there is one. */
    public Optional<CoBuildAgreement> agreement(String unit, String school) {
        return Optional.ofNullable(agreements.get(agreementKey(unit, school)));
    }

    /** All co-build agreements. */
    public List<CoBuildAgreement> agreements() {
        return List.copyOf(agreements.values());
    }

    /**
     * The fingerprint of the season's terms ({@link SeasonTerms#of}: year, window, grace, age cut-off and upper
     * bound, districts, schools with their plans, agreements with their quotas): the audit log records it with
     * every entry, so that it says by which season each command was judged, and the database holds it, so that
     * every node judges by the same season.
     */
    public String fingerprint() {
        return SeasonTerms.of(this).fingerprint();
    }

    @Override
    public String toString() {
        return "Season[" + year + ", " + opens + " to " + closes + ", " + schools.size() + " schools]";
    }
}
