package org.enrollment.rules.facts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.enrollment.core.season.Season;

/**
 * The season's parameters (年度参数): the online window, the age cut-off and the boarding grace. Rules read
 * them from here, never from constants of their own, so that a new year needs no rule change.
 *
 * @param year the year children enter school
 * @param opens when the online window opens (inclusive)
 * @param closes when the online window closes (exclusive)
 * @param ageCutoff the day by which a child must have reached {@code schoolAge}: 31 August of the year
 * @param schoolAge the age a child must have reached by the cut-off day: six
 * @param boardingGraceDays days the window stays open after a boarding rejection for the child's next registration
 */
public record SeasonFact(int year, Instant opens, Instant closes, LocalDate ageCutoff, int schoolAge,
                         int boardingGraceDays) {

    /** The parameters of this season. */
    public static SeasonFact of(Season season) {
        return new SeasonFact(season.year(), season.opens(), season.closes(), season.ageCutoff(), Season.SCHOOL_AGE,
                season.boardingGraceDays());
    }

    /** The grace as a duration: {@code boardingGraceDays} × 24 hours. */
    public Duration boardingGrace() {
        return Duration.ofHours(24L * boardingGraceDays);
    }
}
