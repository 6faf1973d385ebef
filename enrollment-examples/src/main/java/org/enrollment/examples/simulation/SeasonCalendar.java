package org.enrollment.examples.simulation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.enrollment.core.season.Season;

/**
 * The season's calendar (日程): the events still to come in time order, the clock that stands at the event being
 * played, the registration window, and the moments drawn at random (school hours, a few days later).
 */
final class SeasonCalendar {

    static final long MINUTE = 60;
    static final long HOUR = 3600;
    static final long DAY = 86_400;

    /** When the registration window opens, in epoch seconds. */
    final long opens;
    /** When it closes, in epoch seconds. */
    final long closes;
    private final SplittableRandom random;
    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private long sequence;
    private long now;

    /** The calendar of {@code season}, drawing its moments from {@code random}. */
    SeasonCalendar(Season season, SplittableRandom random) {
        this.opens = season.opens().getEpochSecond();
        this.closes = season.closes().getEpochSecond();
        this.random = random;
    }

    /** Whether any event is still to come. */
    boolean hasEvents() {
        return !queue.isEmpty();
    }

    /** Moves the clock to the next event and plays it. */
    void playNext() {
        Event e = queue.poll();
        now = e.at;
        e.action.run();
    }

    /** The clock, in epoch seconds. */
    long now() {
        return now;
    }

    /** The clock, in Beijing time. */
    OffsetDateTime time() {
        return Instant.ofEpochSecond(now).atOffset(CityPlan.BEIJING);
    }

    /** An event at {@code at}; for a child, dropped if the child's plan changed course before it comes. */
    void schedule(long at, Child c, Runnable action) {
        long when = Math.max(at, now);
        if (c == null) {
            queue.add(new Event(when, sequence++, action));
        } else {
            int generation = c.generation;
            queue.add(new Event(when, sequence++, () -> {
                if (c.generation == generation) {
                    action.run();
                }
            }));
        }
    }

    /** A moment of the families' waking hours (7:00 to 23:00) on day {@code day} of the window (0: the day it opens). */
    long familyHours(long day) {
        return opens + day * DAY + 7 * HOUR + random.nextLong(16 * HOUR);
    }

    /** A moment during school hours (9:00 to 17:00) of the day starting at {@code dayStart}. */
    long schoolHours(long dayStart) {
        return dayStart + 9 * HOUR + random.nextLong(8 * HOUR);
    }

    /** During school hours {@code min} to {@code max} days from now, and after now. */
    long schoolDaysLater(int min, int max) {
        long at = schoolHours(today() + (min + random.nextInt(max - min + 1)) * DAY);
        return at > now ? at : now + 10 * MINUTE + random.nextLong(2 * HOUR);
    }

    /** Midnight, Beijing time, of the day now is in. */
    long today() {
        return now - Math.floorMod(now + 8 * HOUR, DAY);
    }

    /** A moment {@code minSeconds} to {@code maxSeconds} from now. */
    long later(long minSeconds, long maxSeconds) {
        return now + minSeconds + random.nextLong(maxSeconds - minSeconds + 1);
    }

    /** Something that happens at a moment; ties keep the order they were scheduled in. */
    private record Event(long at, long order, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(order, o.order);
        }
    }
}
