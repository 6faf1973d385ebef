package org.enrollment.core.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.enrollment.core.audit.AuditRecord;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Outcome;
import org.enrollment.core.season.SeasonTerms;
import org.enrollment.core.store.SharedStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a node in step with the store it shares with other nodes: one clock and one season. At start it holds
 * the node's season in the store (the first node writes it; another season is refused, or replaced when the host
 * says so, with an audit entry) and compares the clocks. Before every command it compares the node's clock with
 * the store's as estimated from the last reading and this process's monotonic clock, which costs no round trip
 * and catches a clock set back or forward at once; it reads the store again every {@link #RECHECK}, which also
 * finds a season another node changed. A commit in between is not judged by the old season either: the store
 * refuses, in the commit's own transaction, a record whose season is not the one it holds (see {@link SharedStore}).
 */
final class SharedGuard {

    private static final Logger LOG = LoggerFactory.getLogger(SharedGuard.class);
    /** How often the store's time and season are read again. */
    static final Duration RECHECK = Duration.ofSeconds(1);

    private final SharedStore store;
    private final Clock clock;
    private final Duration bound;
    private final SeasonTerms season;
    private volatile Reading last;

    /** A reading of the store, and this process's monotonic time when it was taken. */
    private record Reading(Instant storeTime, long nanos) {
    }

    private SharedGuard(SharedStore store, Clock clock, Duration bound, SeasonTerms season) {
        this.store = store;
        this.clock = clock;
        this.bound = bound;
        this.season = season;
    }

    /**
     * Holds the season in the store and checks the clock.
     *
     * @param changeBy the operator of a deliberate change of season, or {@code null} to refuse another season
     * @throws SeasonMismatchException when the store holds another season and no change was asked for
     * @throws ClockSkewException when the clocks differ by more than the bound
     */
    static SharedGuard start(SharedStore store, Clock clock, Duration bound, SeasonTerms season, String changeBy) {
        SeasonTerms held = store.hold(season);
        if (!held.equals(season)) {
            List<String> differences = season.differences(held);
            if (changeBy == null) {
                throw new SeasonMismatchException("This node's season (" + season.fingerprint().substring(0, 12)
                        + ") is not the one the database holds (" + held.fingerprint().substring(0, 12) + "):", differences);
            }
            AuditRecord record = new AuditRecord(clock.instant(), "CITY", "change-season", List.of(), List.of(),
                    Outcome.ACCEPTED.name(), List.of(), List.of(), "operator=" + ResidentId.maskAll(changeBy) + "; from "
                    + held.fingerprint() + " to " + season.fingerprint() + ": " + String.join("; ", differences));
            if (store.changeSeason(held, season, record).isEmpty()) {
                throw new SeasonMismatchException("The season the database holds changed while this node was replacing it.", List.of());
            }
            LOG.debug("Season changed from {} to {}: {}", held.fingerprint(), season.fingerprint(), differences);
        } else {
            LOG.debug("Season {} held by the database", season.fingerprint());
        }
        SharedGuard guard = new SharedGuard(store, clock, bound, season);
        guard.reread();
        return guard;
    }

    /**
     * Checks, before a command judged at {@code at} by this node's clock, that the clocks agree and the season is
     * still the one held.
     */
    void check(Instant at) {
        Reading r = last;
        long now = System.nanoTime();
        if (now - r.nanos() >= RECHECK.toNanos()) {
            r = reread();
            now = r.nanos();
        }
        compare(at, r.storeTime().plusNanos(now - r.nanos()));
    }

    private Reading reread() {
        long before = System.nanoTime();
        SharedStore.Reading read = store.read();
        long after = System.nanoTime();
        if (read.seasonFingerprint().isPresent() && !read.seasonFingerprint().get().equals(season.fingerprint())) {
            throw SeasonMismatchException.changed(read.seasonFingerprint().get(), season.fingerprint());
        }
        Reading r = new Reading(read.time(), before + (after - before) / 2);
        compare(clock.instant(), r.storeTime());
        last = r;
        return r;
    }

    private void compare(Instant node, Instant storeTime) {
        if (Duration.between(storeTime, node).abs().compareTo(bound) > 0) {
            throw new ClockSkewException(node, storeTime, bound);
        }
    }
}
