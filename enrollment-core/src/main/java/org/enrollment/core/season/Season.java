package org.enrollment.core.season;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One year's collection (年度入学信息采集): the online window, the age cut-off, the schools and the
 * co-build agreements. Everything that changes from year to year lives here, not in rule files.
 *
 * <p>The window opens inclusively and closes exclusively. A child is old enough when six on or before
 * 31 August of the year. After a boarding school's rejection the child's next registration gets
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
    private final DistrictCatalog districts;
    private final Map<String, School> schools = new LinkedHashMap<>();
    private final List<School> schoolList;
    private final Map<String, CoBuildAgreement> agreements = new LinkedHashMap<>();

    /**
     * A season.
     *
     * @throws IllegalArgumentException when the year is outside {@value #FIRST_YEAR} to {@value #LAST_YEAR}, the window is empty, a school is in a district the catalog
     *         lacks, a code repeats, or an agreement names an unknown school
     */
    public Season(int year, Instant opens, Instant closes, int boardingGraceDays, DistrictCatalog districts,
                  List<School> schools, List<CoBuildAgreement> agreements) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("Season year must be " + FIRST_YEAR + " to " + LAST_YEAR + ", was " + year + ".");
        }
        this.year = year;
        this.opens = Objects.requireNonNull(opens, "opens");
        this.closes = Objects.requireNonNull(closes, "closes");
        this.districts = Objects.requireNonNull(districts, "districts");
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("Season " + year + ": opens (" + opens + ") must be before closes (" + closes + ").");
        }
        if (boardingGraceDays < 0) {
            throw new IllegalArgumentException("Season " + year + ": boardingGraceDays must be 0 or more, was " + boardingGraceDays + ".");
        }
        this.boardingGraceDays = boardingGraceDays;
        for (School s : schools) {
            if (!districts.contains(s.district())) {
                throw new IllegalArgumentException("School " + s.code() + " is in district " + s.district()
                        + ", which the catalog does not have.");
            }
            if (this.schools.putIfAbsent(s.code(), s) != null) {
                throw new IllegalArgumentException("School code " + s.code() + " appears twice in season " + year + ".");
            }
        }
        this.schoolList = List.copyOf(this.schools.values());
        for (CoBuildAgreement a : agreements) {
            if (!this.schools.containsKey(a.school())) {
                throw new IllegalArgumentException("Co-build agreement of " + a.unit() + " names school " + a.school()
                        + ", which the season does not have.");
            }
            if (this.agreements.putIfAbsent(agreementKey(a.unit(), a.school()), a) != null) {
                throw new IllegalArgumentException("Co-build agreement of " + a.unit() + " with " + a.school() + " appears twice.");
            }
        }
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

    /** The day by which a child must be six: 31 August of the year. */
    public LocalDate ageCutoff() {
        return LocalDate.of(year, Month.AUGUST, 31);
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

    @Override
    public String toString() {
        return "Season[" + year + ", " + opens + " to " + closes + ", " + schools.size() + " schools]";
    }
}
