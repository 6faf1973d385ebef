package org.enrollment.examples.simulation;

import static org.enrollment.examples.simulation.SeasonCalendar.DAY;
import static org.enrollment.examples.simulation.SeasonCalendar.HOUR;

import java.util.List;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.Admit;
import org.enrollment.core.command.Approve;
import org.enrollment.core.command.FileStudentRecord;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.command.Release;
import org.enrollment.core.command.ReturnEntry;
import org.enrollment.core.command.SubmitList;
import org.enrollment.core.command.Tick;
import org.enrollment.core.command.Untick;
import org.enrollment.core.command.Verify;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.season.School;
import org.enrollment.examples.scenario.ScenarioPlayer.Played;

/**
 * The schools and districts (学校与区教委): the schools verify documents and tick children against their plans,
 * a district releases a child from a full school, the schools submit their lists in two rounds, the districts
 * review them (a few entries returned) and approve, the schools admit, and the city files the student records.
 * Keeps how many children seek each school, so that a released child can go where there is room.
 */
final class SchoolsAndDistricts extends Route {

    private static final List<String> BEIJING_DOCUMENTS = List.of("HUKOU", "BIRTH", "HOME");
    private static final List<String> NON_BEIJING_DOCUMENTS = List.of("WORK", "RESIDENCE", "HUKOU", "TEMP_RESIDENCE", "NO_GUARDIAN_HOME");

    /** How many registrations name each school now. */
    private final int[] demand;

    /** The schools and districts of {@code play}. */
    SchoolsAndDistricts(Play play) {
        super(play);
        this.demand = new int[city.schools.size()];
    }

    /** A registration names {@code school}. */
    void sought(int school) {
        demand[school]++;
    }

    /** A registration naming {@code school} is gone. */
    void givenUp(int school) {
        demand[school]--;
    }

    /** The review in June, school by school: lists submitted, approved, submitted again, approved, admitted. */
    void scheduleReview() {
        for (int s = 0; s < city.schools.size(); s++) {
            School school = city.schools.get(s);
            schedule(schoolHours(CityPlan.epoch(6, 10, 0, 0)), null, () -> submit(school, true));
            schedule(random.nextBoolean() ? CityPlan.epoch(6, 11, 14, 0) + random.nextLong(3 * HOUR)
                    : schoolHours(CityPlan.epoch(6, 12, 0, 0)), null, () -> approve(school));
            schedule(schoolHours(CityPlan.epoch(6, 14, 0, 0)), null, () -> submit(school, false));
            schedule(schoolHours(CityPlan.epoch(6, 15, 0, 0)), null, () -> approve(school));
            schedule(schoolHours(CityPlan.epoch(6, 20, 0, 0)), null, () -> admitAll(school));
        }
    }

    /** The school verifies the documents; {@code mayErr}: the family may forget one, or the check may fail. */
    void verify(Child c, boolean mayErr) {
        Actor school = Actor.school(schoolCode(c.school));
        List<String> documents = c.beijing ? BEIJING_DOCUMENTS : NON_BEIJING_DOCUMENTS;
        double r = mayErr ? random.nextDouble() : 1;
        if (r < (c.beijing ? 0.005 : 0.04)) {
            issue(school, new Verify(c.id, "pass", documents.subList(0, documents.size() - 1), null), c.district);
            schedule(schoolDaysLater(2, 5), c, () -> verify(c, false));
            return;
        }
        if (r < 0.05 && !c.failedOnce) {
            c.failedOnce = true;
            Played p = issue(school, new Verify(c.id, "fail", null, "户口簿信息与登记不符 household booklet does not match the form"), c.district);
            if (p.decision().isAccepted() && now() + 2 * DAY < closes()) {
                schedule(later(DAY, 2 * DAY), c, () -> play.families.guardianAmends(c, false));
            }
            return;
        }
        Played p = issue(school, new Verify(c.id, "pass", documents, null), c.district);
        if (p.decision().isAccepted()) {
            schedule(schoolDaysLater(0, 2), c, () -> tick(c, true));
        }
    }

    private void tick(Child c, boolean mayUntick) {
        Actor school = Actor.school(schoolCode(c.school));
        Played p = issue(school, new Tick(c.id), c.district);
        if (p.decision().isAccepted()) {
            if (mayUntick && random.nextDouble() < 0.002) {
                schedule(schoolDaysLater(1, 1), c, () -> {
                    issue(school, new Untick(c.id), c.district);
                    schedule(schoolDaysLater(1, 1), c, () -> tick(c, false));
                });
            }
        } else if (p.decision().reasonCodes().contains(ReasonCode.PLAN_FULL)) {
            schedule(calendar.today() + DAY + 10 * HOUR + random.nextLong(2 * HOUR), c, () -> releaseAndMove(c));
        }
    }

    /** The school is full: the district releases the child, who registers at a school with room while the window is open. */
    private void releaseAndMove(Child c) {
        Played p = issue(Actor.district(code(c.district)), new Release(c.id, "计划已满 the school's plan is full"), c.district);
        if (!p.decision().isAccepted()) {
            return;
        }
        c.generation++;
        givenUp(c.school);
        int d = c.district;
        long at = later(2 * HOUR, 20 * HOUR);
        if (at < closes()) {
            int other = roomiest(d);
            schedule(at, c, () -> play.families.register(c, d, other, null, true));
        }
    }

    /** The ordinary school of the district with the most places not yet sought. */
    int roomiest(int d) {
        int best = -1;
        for (int s : city.schoolsOf.get(d)) {
            if (best < 0 || city.schools.get(s).plan() - demand[s] > city.schools.get(best).plan() - demand[best]) {
                best = s;
            }
        }
        return best;
    }

    private void submit(School school, boolean firstRound) {
        Played p = issue(Actor.school(school.code()), new SubmitList(), city.districtIndex(school.district()));
        if (!firstRound) {
            return;
        }
        for (Registration r : p.decision().registrations()) {
            if (random.nextDouble() < 0.005) {
                String id = r.child().value();
                schedule(CityPlan.epoch(6, 11, 9, 0) + random.nextLong(3 * HOUR), null, () -> returnEntry(school, id));
            }
        }
    }

    private void returnEntry(School school, String id) {
        int d = city.districtIndex(school.district());
        Played p = issue(Actor.district(school.district()), new ReturnEntry(id, "材料待复核 documents to be checked again"), d);
        if (p.decision().isAccepted()) {
            schedule(schoolHours(CityPlan.epoch(6, 13, 0, 0)), null, () -> issue(Actor.school(school.code()), new Tick(id), d));
        }
    }

    private void approve(School school) {
        issue(Actor.district(school.district()), new Approve(school.code(), null), city.districtIndex(school.district()));
    }

    private void admitAll(School school) {
        Played p = issue(Actor.school(school.code()), new Admit(null), city.districtIndex(school.district()));
        for (Registration r : p.decision().registrations()) {
            String id = r.child().value();
            int d = city.districtIndex(r.district());
            schedule(schoolHours(CityPlan.epoch(7, 1 + random.nextInt(10), 0, 0)), null,
                    () -> issue(Actor.city(), new FileStudentRecord(id), d));
        }
    }
}
