package org.enrollment.examples.simulation;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.enrollment.core.audit.Durability;
import org.enrollment.core.audit.tlog.SigningKey;
import org.enrollment.core.policy.PolicyEngine;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.season.Season;
import org.enrollment.core.store.InMemoryRegistrationStore;
import org.enrollment.examples.scenario.AuditExport;
import org.enrollment.examples.scenario.ScenarioPlayer;
import org.enrollment.examples.scenario.ScenarioWriter;

/**
 * Generates a season from a seed and plays it against a registry, command by command in time order: the
 * families' online registrations with their usual mistakes (a mistyped ID, a school in another district,
 * a child too young, a second try in another district, a document forgotten, a few families too late), the schools' verification
 * and ticking against their plans, list submission, the districts' review with a few entries returned,
 * admission and the city's filing; a boarding school deciding on its applicants, and rejected children
 * re-registering in their household district; co-build units' lists within and over quota (and one unit
 * without an agreement), a school's selection, online fallbacks. The same seed gives the same season and the
 * same commands.
 *
 * <p>The families react to what the registry decides, as they would: a school whose plan is full has the
 * district release the child, who then registers at a school with room while the window is open.
 *
 * <p>The city and its {@link Population} are generated first; the {@link Play} then puts each route's first events
 * on its {@link SeasonCalendar} ({@link OnlineRoute}, {@link BoardingRoute}, {@link CoBuildRoute},
 * {@link SchoolsAndDistricts}), and each event schedules what comes of it.
 */
public final class SeasonSimulator {

    private final int size;
    private final long seed;
    private final CityPlan city;
    private final Play play;

    /**
     * A season of about {@code children} children, generated from the seed.
     *
     * @throws IllegalArgumentException when there are too few children for a season (fewer than 400)
     */
    public SeasonSimulator(int children, long seed) {
        this.size = children;
        this.seed = seed;
        SplittableRandom generator = new SplittableRandom(seed);
        this.city = new CityPlan(children, generator.split());
        SplittableRandom random = generator.split();
        SplittableRandom people = generator.split();
        this.play = new Play(city, new Population(city, people), random);
    }

    /** The generated season: its window, schools and co-build agreements. */
    public Season season() {
        return city.season;
    }

    /** How many children the season has. */
    public int children() {
        return play.population.size();
    }

    /**
     * Plays the season against a fresh registry with the in-memory store.
     *
     * @param policies the policies to judge by
     * @param scenario where to write every command with what came of it as its expectation, or {@code null}
     * @param audit where to write the audit log as JSON Lines as the play goes (a journal: each entry on the disk
     *        before its command returns) and check it from at the end, or {@code null} to keep and check it in memory
     * @param progress told how far the play is, now and then
     * @return the report: the funnel, the refusals, the throughput, the audit log's check
     */
    public SeasonReport play(PolicyEngine policies, ScenarioWriter scenario, Path audit, Consumer<String> progress) {
        return play(policies, scenario, audit, null, Durability.always(), progress, Optional.empty(), registry -> { });
    }

    /**
     * Plays the season as {@link #play(PolicyEngine, ScenarioWriter, Path, Consumer)} does, under this child key,
     * which a journal ({@code audit} given) needs to be resumed from; with the log's key, the registry signs a
     * checkpoint every {@value ScenarioPlayer#CHECKPOINT_EVERY} entries as the log grows; {@code played} is shown the
     * registry at the end.
     *
     * @param childKey the child key, or {@code null} for a random one (only without a journal)
     * @param durability when a journal's append counts as done
     * @param logKey the log's key, or empty to sign no checkpoints
     */
    public SeasonReport play(PolicyEngine policies, ScenarioWriter scenario, Path audit, byte[] childKey, Durability durability,
            Consumer<String> progress, Optional<SigningKey> logKey, Consumer<Registry> played) {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(played, "played");
        ScenarioPlayer player = new ScenarioPlayer(city.season, policies,
                audit == null ? new InMemoryRegistrationStore() : new InMemoryRegistrationStore(AuditExport.journal(audit, durability)), childKey,
                logKey);
        Tally tally = new Tally(city.districts.size());
        play.open(player, scenario, tally);
        SeasonCalendar calendar = play.calendar;
        long started = System.nanoTime();
        long lastReport = started;
        while (calendar.hasEvents()) {
            calendar.playNext();
            if ((tally.commands & 0xFFF) == 0 && System.nanoTime() - lastReport > 2_000_000_000L) {
                lastReport = System.nanoTime();
                progress.accept(String.format("simulate: %,d commands played, now at %s, %,.0f commands/s", tally.commands,
                        calendar.time().toLocalDate(), tally.commands / ((lastReport - started) / 1e9)));
            }
        }
        played.accept(player.registry());
        long elapsed = System.nanoTime() - started;
        return SeasonReport.of(this, player.registry(), tally, elapsed, audit);
    }

    long seed() {
        return seed;
    }

    int requestedSize() {
        return size;
    }

    CityPlan city() {
        return city;
    }
}
