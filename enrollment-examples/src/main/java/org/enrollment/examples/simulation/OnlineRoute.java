package org.enrollment.examples.simulation;

import static org.enrollment.examples.simulation.SeasonCalendar.DAY;
import static org.enrollment.examples.simulation.SeasonCalendar.HOUR;
import static org.enrollment.examples.simulation.SeasonCalendar.MINUTE;

import org.enrollment.core.command.Actor;
import org.enrollment.core.command.Amend;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.Withdraw;
import org.enrollment.examples.scenario.ScenarioPlayer.Played;

/**
 * The families' online route (网上登记): a registration in the household district, with the usual mistakes (a
 * mistyped ID, a school in another district, a child too young, a second try in another district, a name to
 * amend, a change of mind); the school then verifies.
 */
final class OnlineRoute extends Route {

    /** The online route of {@code play}. */
    OnlineRoute(Play play) {
        super(play);
    }

    /** The family registers on a day of the window, a third of them in its first three days, a few too late. */
    void scheduleFirstRegistration(Child c) {
        double r = random.nextDouble();
        long day = r < 0.001 ? 27 + random.nextInt(2) : r < 0.35 ? random.nextInt(3) : random.nextInt(27);
        schedule(calendar.familyHours(day), c, () -> firstRegistration(c));
    }

    private void firstRegistration(Child c) {
        double r = random.nextDouble();
        int d = c.home;
        int school = city.chooseSchool(d, random);
        if (c.tooYoung) {
            register(c, d, school, null, false);
        } else if (r < 0.005) {
            issue(Actor.guardian(), new Register(mistyped(c.id), c.name, c.household, code(d), schoolCode(school), null), d);
            schedule(later(3 * MINUTE, 15 * MINUTE), c, () -> register(c, d, school, null, false));
        } else if (r < 0.025) {
            int elsewhere = otherDistrict(d);
            int there = city.chooseSchool(elsewhere, random);
            issue(Actor.guardian(), new Register(c.id, c.name, c.household, code(d), schoolCode(there), null), d);
            schedule(later(5 * MINUTE, 30 * MINUTE), c, () -> register(c, elsewhere, there, null, false));
        } else {
            register(c, d, school, null, false);
        }
    }

    /** The ID with a wrong check character. */
    private static String mistyped(String id) {
        char check = id.charAt(17);
        char wrong = check == '0' ? '1' : check == 'X' ? '0' : (char) (check - 1);
        return id.substring(0, 17) + wrong;
    }

    /** Registers the child, making no more mistakes, at a school of district {@code d} chosen as families choose. */
    void registerAnywhereIn(Child c, int d) {
        register(c, d, city.chooseSchool(d, random), null, true);
    }

    /** Registers the child; when accepted, the school verifies later. {@code plain}: no more mistakes this time. */
    void register(Child c, int d, int school, String route, boolean plain) {
        Played p = issue(Actor.guardian(), new Register(c.id, c.name, c.household, code(d), schoolCode(school), route), d);
        if (!p.decision().isAccepted()) {
            return;
        }
        c.school = school;
        c.district = d;
        play.schools.sought(school);
        if (route != null) {
            return;
        }
        double r = plain ? 1 : random.nextDouble();
        if (r < 0.01) {
            int elsewhere = otherDistrict(d);
            int there = city.chooseSchool(elsewhere, random);
            long at = later(DAY, 3 * DAY);
            if (at < closes()) {
                schedule(at, c, () -> issue(Actor.guardian(), new Register(c.id, c.name, c.household, code(elsewhere),
                        schoolCode(there), null), elsewhere));
            }
        } else if (r < 0.03) {
            schedule(later(HOUR, 20 * HOUR), c, () -> guardianAmends(c, true));
        } else if (r < 0.035) {
            long at = later(HOUR, 20 * HOUR);
            if (at + HOUR < closes()) {
                schedule(at, c, () -> withdrawAndChoose(c));
                return;
            }
        }
        schedule(schoolDaysLater(1, 7), c, () -> play.schools.verify(c, true));
    }

    /** The guardian amends the name ({@code name}) or the household; after a household, the school verifies again. */
    void guardianAmends(Child c, boolean name) {
        if (now() >= closes()) {
            return;
        }
        Played p = issue(Actor.guardian(), name ? new Amend(c.id, c.name, null, null) : new Amend(c.id, null, c.household, null), c.district);
        if (!name && p.decision().isAccepted()) {
            schedule(schoolDaysLater(1, 3), c, () -> play.schools.verify(c, false));
        }
    }

    /** The family changes its mind: withdraws and registers at the district's school with the most room. */
    private void withdrawAndChoose(Child c) {
        Played p = issue(Actor.guardian(), new Withdraw(c.id), c.district);
        if (p.decision().isAccepted()) {
            c.generation++;
            play.schools.givenUp(c.school);
            int d = c.district;
            int other = play.schools.roomiest(d);
            schedule(later(30 * MINUTE, HOUR), c, () -> register(c, d, other, null, true));
        }
    }
}
