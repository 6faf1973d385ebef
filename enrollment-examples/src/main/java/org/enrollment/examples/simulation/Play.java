package org.enrollment.examples.simulation;

import java.util.SplittableRandom;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.Command;
import org.enrollment.examples.scenario.Expectation;
import org.enrollment.examples.scenario.ScenarioCommand;
import org.enrollment.examples.scenario.ScenarioPlayer;
import org.enrollment.examples.scenario.ScenarioPlayer.Played;
import org.enrollment.examples.scenario.ScenarioWriter;

/**
 * The play of a season (演练): the city, its children, the calendar and the random generator every route draws
 * from; the routes, so that one can hand a child on to another; and the desk where each command is played
 * against the registry at the calendar's now, written with what came of it, and counted.
 */
final class Play {

    final CityPlan city;
    final Population population;
    final SplittableRandom random;
    final SeasonCalendar calendar;
    final OnlineRoute families;
    final SchoolsAndDistricts schools;
    final BoardingRoute boarding;
    final CoBuildRoute coBuild;
    private ScenarioPlayer player;
    private ScenarioWriter out;
    private Tally tally;

    /** The play of {@code city}'s season with {@code population}, drawing every choice from {@code random}. */
    Play(CityPlan city, Population population, SplittableRandom random) {
        this.city = city;
        this.population = population;
        this.random = random;
        this.calendar = new SeasonCalendar(city.season, random);
        this.families = new OnlineRoute(this);
        this.schools = new SchoolsAndDistricts(this);
        this.boarding = new BoardingRoute(this);
        this.coBuild = new CoBuildRoute(this);
    }

    /**
     * Opens the play against {@code player}, writing to {@code out} (or nowhere when {@code null}) and counting in
     * {@code tally}; then puts the season's first events on the calendar: each child's first step in population
     * order, the co-build lists, the schools' and districts' review.
     */
    void open(ScenarioPlayer player, ScenarioWriter out, Tally tally) {
        this.player = player;
        this.out = out;
        this.tally = tally;
        for (int i = 0; i < population.size(); i++) {
            Child c = population.get(i);
            switch (c.way) {
                case ONLINE -> families.scheduleFirstRegistration(c);
                case BOARDING -> boarding.scheduleRegistration(c, population.boardingSchoolOf(i));
                case CO_BUILD -> coBuild.maybeScheduleOnlineFallback(c);
            }
        }
        coBuild.scheduleLists();
        schools.scheduleReview();
    }

    /** Plays a command now, writes it with what came of it, and counts it for district {@code d}. */
    Played issue(Actor actor, Command command, int d) {
        ScenarioCommand c = new ScenarioCommand(0, calendar.time(), actor.toString(), command, Expectation.nothing());
        Played p = player.play(c);
        if (out != null) {
            out.write(c.expecting(Expectation.of(p.observation())));
        }
        tally.count(command.kind(), p.decision(), d);
        return p;
    }
}
