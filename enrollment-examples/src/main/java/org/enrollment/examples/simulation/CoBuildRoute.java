package org.enrollment.examples.simulation;

import static org.enrollment.examples.simulation.SeasonCalendar.DAY;
import static org.enrollment.examples.simulation.SeasonCalendar.HOUR;
import static org.enrollment.examples.simulation.SeasonCalendar.MINUTE;

import java.util.ArrayList;
import java.util.List;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.CoBuildListing;
import org.enrollment.core.command.CoBuildSelect;
import org.enrollment.core.command.ListedChildText;
import org.enrollment.examples.scenario.ScenarioPlayer.Played;

/**
 * The co-build route (共建): each unit with an agreement sends its list (three within the quota, three over it,
 * one unit without any agreement), the school selects from a list over quota (one school first tries one child
 * too many), and the children left over register online as advised, some of them before the selection.
 */
final class CoBuildRoute extends Route {

    /** The co-build route of {@code play}. */
    CoBuildRoute(Play play) {
        super(play);
    }

    /** Half the listed children also register online in the window's first five days, as a fallback. */
    void maybeScheduleOnlineFallback(Child c) {
        if (random.nextBoolean()) {
            int d = c.home;
            schedule(calendar.familyHours(random.nextInt(5)), c, () -> play.families.registerAnywhereIn(c, d));
        }
    }

    /** Each unit sends its list between 12 and 16 May; the unit without an agreement on the 12th. */
    void scheduleLists() {
        for (int u = 0; u < city.agreements.size(); u++) {
            int unit = u;
            schedule(schoolHours(CityPlan.epoch(5, 12 + random.nextInt(5), 0, 0)), null, () -> coBuildList(unit));
        }
        schedule(CityPlan.epoch(5, 12, 10, 0), null, this::fakeCoBuildList);
    }

    private void coBuildList(int u) {
        int school = city.agreementSchool[u];
        List<Child> list = play.population.unitList(u);
        List<ListedChildText> listed = list.stream().map(c -> new ListedChildText(c.id, c.name, c.household)).toList();
        int d = city.districtOf(school);
        Played p = issue(Actor.coBuildUnit(city.unit(u)), new CoBuildListing(schoolCode(school), listed), d);
        boolean atOnce = list.size() <= city.coBuildQuota;
        if (p.decision().isAccepted() && atOnce) {
            list.forEach(c -> selected(c, school));
        } else if (p.decision().isAccepted()) {
            for (Child c : list) {
                if (c.school < 0 && random.nextDouble() < 0.6) {
                    schedule(later(HOUR, 2 * DAY), c, () -> play.families.registerAnywhereIn(c, d));
                }
            }
            schedule(schoolHours(CityPlan.epoch(5, 19 + random.nextInt(3), 0, 0)), null, () -> coBuildSelect(u, u == 3));
        } else {
            adviseOnline(list);
        }
    }

    /** The school selects from a waiting list; {@code overreach}: it first tries one child more than the quota. */
    private void coBuildSelect(int u, boolean overreach) {
        int school = city.agreementSchool[u];
        List<Child> list = new ArrayList<>(play.population.unitList(u));
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            list.set(i, list.set(j, list.get(i)));
        }
        if (overreach) {
            issue(Actor.school(schoolCode(school)), new CoBuildSelect(list.subList(0, city.coBuildQuota + 1).stream()
                    .map(c -> c.id).toList()), city.districtOf(school));
            schedule(later(10 * MINUTE, HOUR), null, () -> coBuildSelect(u, false));
            return;
        }
        List<Child> chosen = list.subList(0, city.coBuildQuota);
        Played p = issue(Actor.school(schoolCode(school)), new CoBuildSelect(chosen.stream().map(c -> c.id).toList()),
                city.districtOf(school));
        if (p.decision().isAccepted()) {
            chosen.forEach(c -> selected(c, school));
            adviseOnline(list.subList(city.coBuildQuota, list.size()));
        } else {
            adviseOnline(list);
        }
    }

    private void selected(Child c, int school) {
        c.generation++;
        if (c.school >= 0) {
            play.schools.givenUp(c.school);
        }
        c.school = school;
        c.district = city.districtOf(school);
    }

    /** Children left without a registration register online, as advised, while the window is open. */
    private void adviseOnline(List<Child> left) {
        for (Child c : left) {
            long at = later(HOUR, DAY);
            if (c.school < 0 && at < closes()) {
                int d = c.home;
                schedule(at, c, () -> play.families.registerAnywhereIn(c, d));
            }
        }
    }

    /** A unit without any agreement sends a list: refused. */
    private void fakeCoBuildList() {
        Child a = play.population.get(random.nextInt(city.onlineChildren));
        Child b = play.population.get(random.nextInt(city.onlineChildren));
        List<ListedChildText> listed = a == b ? List.of(new ListedChildText(a.id, a.name, a.household))
                : List.of(new ListedChildText(a.id, a.name, a.household), new ListedChildText(b.id, b.name, b.household));
        int school = city.agreementSchool[0];
        issue(Actor.coBuildUnit("U-FAKE"), new CoBuildListing(schoolCode(school), listed), city.districtOf(school));
    }
}
