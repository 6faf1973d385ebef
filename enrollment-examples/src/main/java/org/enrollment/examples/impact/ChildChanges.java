package org.enrollment.examples.impact;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.registry.Registry;
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

    /** Compares the end state of every child in both registries; a name that is no resident ID is passed over. */
    static ChildChanges of(Set<String> children, Season season, Registry base, Registry next) {
        Breakdown transitions = new Breakdown();
        Breakdown districts = new Breakdown();
        long changed = 0;
        long lost = 0;
        long gained = 0;
        for (String id : children) {
            if (!ResidentId.isValid(id)) {
                continue;
            }
            ResidentId child = ResidentId.of(id);
            Optional<Registration> a = base.registrationOf(child);
            Optional<Registration> b = next.registrationOf(child);
            String from = a.map(r -> r.state().name()).orElse(Expectation.NONE);
            String to = b.map(r -> r.state().name()).orElse(Expectation.NONE);
            if (from.equals(to)) {
                continue;
            }
            changed++;
            String filed = RegistrationState.FILED.name();
            lost += from.equals(filed) ? 1 : 0;
            gained += to.equals(filed) ? 1 : 0;
            String example = child + ": " + from + " → " + to;
            transitions.add(from + " → " + to, example);
            String district = a.or(() -> b).map(r -> ImpactReplay.districtName(season, r.district())).orElse("(无 none)");
            districts.add(district, example);
        }
        Map<Grouping, List<Group>> groups = new EnumMap<>(Grouping.class);
        if (changed > 0) {
            groups.put(Grouping.TRANSITION, transitions.groups());
            groups.put(Grouping.DISTRICT, districts.groups());
        }
        return new ChildChanges(changed, groups, lost, gained);
    }
}
