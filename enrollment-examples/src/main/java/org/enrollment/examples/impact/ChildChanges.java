package org.enrollment.examples.impact;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.season.Season;
import org.enrollment.examples.impact.Breakdown.Group;
import org.enrollment.examples.impact.SeasonImpact.Grouping;
import org.enrollment.examples.scenario.Expectation;

/**
 * The children whose end state differs between two replays of a season (最终状态不同的儿童): one refusal
 * changes everything after it, so this is what a family would see.
 *
 * @param changed how many children end in another state
 * @param groups the changed children by transition and by district
 * @param noLongerFiled how many were filed under the baseline and are not under the proposed rules
 * @param newlyFiled how many are filed under the proposed rules and were not under the baseline
 */
record ChildChanges(long changed, Map<Grouping, List<Group>> groups, long noLongerFiled, long newlyFiled) {

    /**
     * Compares the end state of every child under both rule sets.
     *
     * @param children the children named in the season, as written
     * @param base each child's registration at the end under the baseline, in the same order; {@code null} for none
     * @param next the same under the proposed rules
     */
    static ChildChanges of(List<String> children, Season season, Registration[] base, Registration[] next) {
        Breakdown transitions = new Breakdown();
        Breakdown districts = new Breakdown();
        long changed = 0;
        long lost = 0;
        long gained = 0;
        for (int i = 0; i < children.size(); i++) {
            Registration a = base[i];
            Registration b = next[i];
            String from = a == null ? Expectation.NONE : a.state().name();
            String to = b == null ? Expectation.NONE : b.state().name();
            if (from.equals(to)) {
                continue;
            }
            changed++;
            String filed = RegistrationState.FILED.name();
            lost += from.equals(filed) ? 1 : 0;
            gained += to.equals(filed) ? 1 : 0;
            String example = ResidentId.mask(children.get(i)) + ": " + from + " → " + to;
            transitions.add(from + " → " + to, example);
            Registration either = a != null ? a : b;
            districts.add(ImpactReplay.districtName(season, either.district()), example);
        }
        Map<Grouping, List<Group>> groups = new EnumMap<>(Grouping.class);
        if (changed > 0) {
            groups.put(Grouping.TRANSITION, transitions.groups());
            groups.put(Grouping.DISTRICT, districts.groups());
        }
        return new ChildChanges(changed, groups, lost, gained);
    }
}
