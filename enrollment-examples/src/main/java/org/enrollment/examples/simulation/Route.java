package org.enrollment.examples.simulation;

import java.util.SplittableRandom;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.Command;
import org.enrollment.examples.scenario.ScenarioPlayer.Played;

/**
 * A route through the season (路径) that families, schools or units take: what every route shares, the city, the
 * play's random generator and calendar, and the desk to issue commands at.
 */
abstract class Route {

    final Play play;
    final CityPlan city;
    final SplittableRandom random;
    final SeasonCalendar calendar;

    /** A route of {@code play}. */
    Route(Play play) {
        this.play = play;
        this.city = play.city;
        this.random = play.random;
        this.calendar = play.calendar;
    }

    /** Plays a command now, writes it, and counts it for district {@code d}. */
    final Played issue(Actor actor, Command command, int d) {
        return play.issue(actor, command, d);
    }

    /** An event at {@code at}; for a child, dropped if the child's plan changed course before it comes. */
    final void schedule(long at, Child c, Runnable action) {
        calendar.schedule(at, c, action);
    }

    /** The clock, in epoch seconds. */
    final long now() {
        return calendar.now();
    }

    /** When the registration window closes, in epoch seconds. */
    final long closes() {
        return calendar.closes;
    }

    /** A moment {@code minSeconds} to {@code maxSeconds} from now. */
    final long later(long minSeconds, long maxSeconds) {
        return calendar.later(minSeconds, maxSeconds);
    }

    /** A moment during school hours of the day starting at {@code dayStart}. */
    final long schoolHours(long dayStart) {
        return calendar.schoolHours(dayStart);
    }

    /** During school hours {@code min} to {@code max} days from now, and after now. */
    final long schoolDaysLater(int min, int max) {
        return calendar.schoolDaysLater(min, max);
    }

    /** A district other than {@code d}, chosen by share. */
    final int otherDistrict(int d) {
        int other = city.chooseDistrict(random);
        return other == d ? (d + 1) % city.districts.size() : other;
    }

    /** The code of district {@code district}. */
    final String code(int district) {
        return city.districts.get(district).code();
    }

    /** The code of school {@code school}. */
    final String schoolCode(int school) {
        return city.schools.get(school).code();
    }
}
