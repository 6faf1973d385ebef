package org.enrollment.rules.facts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.enrollment.core.season.Season;

/**
 * The season's parameters (年度参数): the online window, the age cut-off, the upper age bound and the boarding
 * grace. Rules read them from here, never from constants of their own, so that a new year needs no rule change;
 * messages name the cut-off day as {@link #ageCutoffZh()} and {@link #ageCutoffEn()} write it.
 *
 * @param year the year children enter school
 * @param opens when the online window opens (inclusive)
 * @param closes when the online window closes (exclusive)
 * @param ageCutoff the day by which a child must have reached {@code schoolAge}: 31 August of the year by default
 * @param schoolAge the age a child must have reached by the cut-off day: six
 * @param maximumAge the upper age bound: a child older than this on the cut-off day is too old (nine by default)
 * @param boardingGraceDays days the window stays open after a boarding rejection for the child's next registration
 */
public record SeasonFact(int year, Instant opens, Instant closes, LocalDate ageCutoff, int schoolAge,
                         int maximumAge, int boardingGraceDays) {

    private static final DateTimeFormatter ZH = DateTimeFormatter.ofPattern("y年M月d日", Locale.CHINA);
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMMM y", Locale.ENGLISH);

    /** The parameters of this season. */
    public static SeasonFact of(Season season) {
        return new SeasonFact(season.year(), season.opens(), season.closes(), season.ageCutoff(), Season.SCHOOL_AGE,
                season.maximumAge(), season.boardingGraceDays());
    }

    /** The cut-off day as a Chinese message writes it: 2014年8月31日. */
    public String ageCutoffZh() {
        return ZH.format(ageCutoff);
    }

    /** The cut-off day as an English message writes it: 31 August 2014. */
    public String ageCutoffEn() {
        return EN.format(ageCutoff);
    }

    /** The grace as a duration: {@code boardingGraceDays} × 24 hours. */
    public Duration boardingGrace() {
        return Duration.ofHours(24L * boardingGraceDays);
    }
}
