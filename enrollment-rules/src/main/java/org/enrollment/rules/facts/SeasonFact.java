package org.enrollment.rules.facts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.enrollment.core.season.Season;

/**
 * The season's parameters (年度参数): the online window, the age cut-off and the boarding grace. Rules read
 * them from here, never from constants of their own, so that a new year needs no rule change.
 */
public final class SeasonFact {

    private final int year;
    private final Instant opens;
    private final Instant closes;
    private final LocalDate ageCutoff;
    private final int schoolAge;
    private final int boardingGraceDays;

    /** The parameters of this season. */
    public SeasonFact(Season season) {
        Objects.requireNonNull(season, "season");
        this.year = season.year();
        this.opens = season.opens();
        this.closes = season.closes();
        this.ageCutoff = season.ageCutoff();
        this.schoolAge = Season.SCHOOL_AGE;
        this.boardingGraceDays = season.boardingGraceDays();
    }

    /** The year children enter school. */
    public int getYear() {
        return year;
    }

    /** When the online window opens (inclusive). */
    public Instant getOpens() {
        return opens;
    }

    /** When the online window closes (exclusive). */
    public Instant getCloses() {
        return closes;
    }

    /** The day by which a child must have reached {@link #getSchoolAge()}: 31 August of the year. */
    public LocalDate getAgeCutoff() {
        return ageCutoff;
    }

    /** The age a child must have reached by the cut-off day: six. */
    public int getSchoolAge() {
        return schoolAge;
    }

    /** Days the window stays open after a boarding rejection for the child's next registration. */
    public int getBoardingGraceDays() {
        return boardingGraceDays;
    }

    /** The grace as a duration: {@link #getBoardingGraceDays()} × 24 hours. */
    public Duration getBoardingGrace() {
        return Duration.ofHours(24L * boardingGraceDays);
    }

    @Override
    public String toString() {
        return "SeasonFact[" + year + ", " + opens + " to " + closes + ", cut-off " + ageCutoff + ", grace " + boardingGraceDays + " days]";
    }
}
