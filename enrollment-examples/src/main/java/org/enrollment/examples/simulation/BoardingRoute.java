package org.enrollment.examples.simulation;

import static org.enrollment.examples.simulation.SeasonCalendar.DAY;
import static org.enrollment.examples.simulation.SeasonCalendar.HOUR;
import static org.enrollment.examples.simulation.SeasonCalendar.MINUTE;

import org.enrollment.core.command.Actor;
import org.enrollment.core.command.BoardingDecide;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.Withdraw;
import org.enrollment.examples.scenario.ScenarioPlayer.Played;

/**
 * The boarding route (寄宿学校): applicants register for one of the two boarding schools (a few first in their home
 * district), the school admits up to its plan at the end of May and rejects the rest, and a rejected child
 * withdraws and registers again within the grace days, 京籍 in the household district.
 */
final class BoardingRoute extends Route {

    /** How many each boarding school has admitted. */
    private final int[] boardingAdmitted = new int[2];

    /** The boarding route of {@code play}. */
    BoardingRoute(Play play) {
        super(play);
    }

    /** The applicant registers for boarding school {@code b} in the window's first fifteen days. */
    void scheduleRegistration(Child c, int b) {
        schedule(calendar.familyHours(random.nextInt(15)), c, () -> boardingRegistration(c, b));
    }

    private void boardingRegistration(Child c, int b) {
        int school = city.boarding[b];
        int there = city.districtOf(school);
        if (c.home != there && random.nextDouble() < 0.2) {
            issue(Actor.guardian(), new Register(c.id, c.name, c.household, code(c.home), schoolCode(school), "BOARDING"), c.home);
            schedule(later(5 * MINUTE, 30 * MINUTE), c, () -> applyToBoarding(c, b));
        } else {
            applyToBoarding(c, b);
        }
    }

    /** Registers for the boarding school in its district; the school decides at the end of May. */
    private void applyToBoarding(Child c, int b) {
        int school = city.boarding[b];
        play.families.register(c, city.districtOf(school), school, "BOARDING", true);
        if (c.school == school) {
            schedule(schoolHours(CityPlan.epoch(5, 26 + random.nextInt(5), 0, 0)), c, () -> boardingDecide(c, b));
        }
    }

    private void boardingDecide(Child c, int b) {
        boolean admit = boardingAdmitted[b] < city.schools.get(city.boarding[b]).plan();
        Played p = issue(Actor.school(schoolCode(c.school)), new BoardingDecide(c.id, admit ? "admit" : "reject"), c.district);
        if (!p.decision().isAccepted()) {
            return;
        }
        if (admit) {
            boardingAdmitted[b]++;
            return;
        }
        long deadline = Math.max(closes(), now()) + city.season.boardingGraceDays() * DAY;
        schedule(later(2 * HOUR, 2 * DAY), c, () -> {
            Played w = issue(Actor.guardian(), new Withdraw(c.id), c.district);
            if (w.decision().isAccepted()) {
                c.generation++;
                long at = Math.min(later(HOUR, 30 * HOUR), deadline - HOUR);
                if (at > now()) {
                    schedule(at, c, () -> reregisterAfterBoarding(c));
                }
            }
        });
    }

    /** After a boarding rejection: 京籍 in the household district (some try elsewhere first), 非京籍 anywhere. */
    private void reregisterAfterBoarding(Child c) {
        int d = c.home;
        if (c.beijing && random.nextDouble() < 0.1) {
            int wrong = c.district == d ? otherDistrict(d) : c.district;
            issue(Actor.guardian(), new Register(c.id, c.name, c.household, code(wrong), schoolCode(city.chooseSchool(wrong, random)), null), wrong);
        }
        play.families.registerAnywhereIn(c, d);
    }
}
