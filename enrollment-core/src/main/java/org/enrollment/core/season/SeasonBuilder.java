package org.enrollment.core.season;

import java.time.Instant;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a {@link Season} (年度) by name: {@code Season.builder(2014).window(opens, closes).school(...).build()}.
 * Only the year and the window are required; the rest has the defaults of a Beijing year:
 *
 * <ul>
 *   <li>{@link #districts} — Beijing's sixteen ({@link DistrictCatalog#beijing()});</li>
 *   <li>{@link #ageCutoff} — 31 August (截止日期): a child must be six on or before that day of the year;</li>
 *   <li>{@link #maximumAge} — 9 (入学年龄上限): a child older than nine on the cut-off day is too old for
 *       first grade;</li>
 *   <li>{@link #boardingGraceDays} — 0;</li>
 *   <li>no schools, no co-build agreements.</li>
 * </ul>
 *
 * <p>A builder is not thread-safe; the season it builds is immutable.
 */
public final class SeasonBuilder {

    /** The default cut-off day: 31 August. */
    public static final MonthDay DEFAULT_AGE_CUTOFF = MonthDay.of(8, 31);
    /** The default upper age bound: nine years on the cut-off day. */
    public static final int DEFAULT_MAXIMUM_AGE = 9;

    final int year;
    Instant opens;
    Instant closes;
    int boardingGraceDays;
    MonthDay ageCutoff = DEFAULT_AGE_CUTOFF;
    int maximumAge = DEFAULT_MAXIMUM_AGE;
    DistrictCatalog districts = DistrictCatalog.beijing();
    final List<School> schools = new ArrayList<>();
    final List<CoBuildAgreement> agreements = new ArrayList<>();

    SeasonBuilder(int year) {
        this.year = year;
    }

    /** The online window (网上登记窗口): opens inclusive, closes exclusive. Required. */
    public SeasonBuilder window(Instant opensAt, Instant closesAt) {
        this.opens = Objects.requireNonNull(opensAt, "opensAt");
        this.closes = Objects.requireNonNull(closesAt, "closesAt");
        return this;
    }

    /** Days the window stays open, after a boarding school's rejection, for the child's next registration. */
    public SeasonBuilder boardingGraceDays(int days) {
        this.boardingGraceDays = days;
        return this;
    }

    /** The day of the year by which a child must be six (截止日期); 31 August by default. */
    public SeasonBuilder ageCutoff(MonthDay day) {
        this.ageCutoff = Objects.requireNonNull(day, "day");
        return this;
    }

    /**
     * The upper age bound (入学年龄上限) in whole years: a child older than this on the cut-off day is too old for
     * first grade; 9 by default, so a child who turned ten by 31 August is refused.
     */
    public SeasonBuilder maximumAge(int years) {
        this.maximumAge = years;
        return this;
    }

    /** The districts; Beijing's sixteen by default. */
    public SeasonBuilder districts(DistrictCatalog catalog) {
        this.districts = Objects.requireNonNull(catalog, "catalog");
        return this;
    }

    /** Adds a school taking part in the season. */
    public SeasonBuilder school(School school) {
        this.schools.add(Objects.requireNonNull(school, "school"));
        return this;
    }

    /** Adds schools, in the order given. */
    public SeasonBuilder schools(List<School> list) {
        list.forEach(this::school);
        return this;
    }

    /** Adds a co-build agreement (共建协议) between a unit and one of the season's schools. */
    public SeasonBuilder agreement(CoBuildAgreement agreement) {
        this.agreements.add(Objects.requireNonNull(agreement, "agreement"));
        return this;
    }

    /** Adds co-build agreements. */
    public SeasonBuilder agreements(List<CoBuildAgreement> list) {
        list.forEach(this::agreement);
        return this;
    }

    /**
     * The season.
     *
     * @throws IllegalArgumentException when the window is missing or empty, the grace days or the maximum age are
     *         out of range, a school is in a district the catalog lacks, a code repeats, or an agreement names an
     *         unknown school
     */
    public Season build() {
        if (opens == null) {
            throw new IllegalArgumentException("Season " + year + ": the window is missing.\nMaybe call window(opens, closes).");
        }
        return new Season(this);
    }
}
