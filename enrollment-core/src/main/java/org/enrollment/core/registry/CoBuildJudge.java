package org.enrollment.core.registry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.enrollment.core.child.Household;
import org.enrollment.core.child.Problem;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.ActorKind;
import org.enrollment.core.command.CoBuildListing;
import org.enrollment.core.command.CoBuildSelect;
import org.enrollment.core.command.ListedChildText;
import org.enrollment.core.command.Reason;
import org.enrollment.core.policy.PolicyQuestion;
import org.enrollment.core.registration.CoBuildList;
import org.enrollment.core.registration.ListedChild;
import org.enrollment.core.registration.NewRegistration;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.registration.Route;
import org.enrollment.core.registration.Step;
import org.enrollment.core.season.School;
import org.enrollment.core.store.ChangeSet;
import org.enrollment.core.store.CoBuildCount;

/**
 * Judges the co-build route (共建): a unit's list given to a school, and the school's selection from a list
 * waiting. Two things are decided here and written down where they are:
 * <ul>
 *   <li>Whether a list is selected at once or waits for the school (差额推荐) is decided here from the
 *       agreement and the quota left, before the rules; the rules see it as {@code CoBuildFact.selectedNow}
 *       and judge the consequences. The policy port's verdict can refuse or advise, not say "wait".</li>
 *   <li>The lifecycle check that a selected child's registration may be superseded runs after the policies,
 *       against the documented order: the rule "Selected child not yet approved" gives the precise reason
 *       ({@code ALREADY_APPROVED}) for the same states, and this check only catches what edited rules let by.</li>
 * </ul>
 *
 * @param judging what judging reads
 */
record CoBuildJudge(Judging judging) {

    Judgement list(Case c, CoBuildListing command) {
        Reason problem = c.firstProblem(Map.of(
                "school", () -> judging.schoolProblem("school", command.school()),
                "children", () -> listProblem(command.children())));
        if (problem != null) {
            return c.refuse(problem, List.of());
        }
        List<ListedChild> listed = command.children().stream()
                .map(l -> new ListedChild(ResidentId.of(l.child()), l.name(), Household.of(l.household()))).toList();
        listed.forEach(l -> c.children.add(l.child()));
        Reason notAllowed = Authority.only(c, ActorKind.COBUILD, "只有共建单位可以报送共建名单", "only a co-build unit gives a co-build list");
        if (notAllowed != null) {
            return c.refuse(notAllowed, List.of());
        }
        School school = judging.season().school(command.school()).orElseThrow();
        String unit = c.actor.id();
        CoBuildCount inUse = count(unit, school);
        boolean fits = judging.season().agreement(unit, school.code()).isPresent() && listed.size() <= quotaLeft(inUse);
        Set<ResidentId> selected = new HashSet<>();
        if (fits) {
            listed.forEach(l -> selected.add(l.child()));
        }
        c.detail("school=" + school.code() + " listed=" + listed.size() + (fits ? " selected at once" : " waiting"));
        CoBuildList list = new CoBuildList(0, unit, school.code(), listed, c.at);
        return decide(c, school, list, inUse, selected, fits ? null : list, null);
    }

    Judgement select(Case c, CoBuildSelect command) {
        Optional<School> school = Authority.actingSchool(c, judging.season());
        Optional<CoBuildList> waiting = school.flatMap(s -> judging.store().waitingList(s.code()));
        Reason problem = c.firstProblem(Map.of("children", () -> selectionProblem(command.children(), school, waiting)));
        if (problem != null) {
            return c.refuse(problem, List.of());
        }
        Set<ResidentId> selected = new HashSet<>();
        command.children().forEach(id -> selected.add(ResidentId.of(id)));
        c.children.addAll(selected);
        if (school.isEmpty()) {
            return c.refuse(Reasons.notAuthorized(c.actor, c.kind, "只有学校可以从共建名单中选择", "only a school selects from a co-build list"), List.of());
        }
        CoBuildList list = waiting.orElseThrow();
        c.detail("school=" + school.get().code() + " selected=" + selected.size() + " of " + list.children().size());
        return decide(c, school.get(), list, count(list.unit(), school.get()), selected, null, list);
    }

    private Reason listProblem(List<ListedChildText> children) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < children.size(); i++) {
            ListedChildText l = children.get(i);
            Reason h = judging.householdProblem("children[" + i + "].household", l.household());
            if (h != null) {
                return h;
            }
            if (!seen.add(l.child())) {
                return Reasons.invalidInput("children[" + i + "].child", l.child(), new Problem("名单中每名儿童只能出现一次", "a list names each child once"));
            }
        }
        return null;
    }

    private static Reason selectionProblem(List<String> children, Optional<School> school, Optional<CoBuildList> waiting) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < children.size(); i++) {
            String id = children.get(i);
            if (!seen.add(id)) {
                return Reasons.invalidInput("children[" + i + "]", id, new Problem("选择中每名儿童只能出现一次", "a selection names each child once"));
            }
            if (school.isPresent() && (waiting.isEmpty() || !waiting.get().names(ResidentId.of(id)))) {
                return Reasons.notOnWaitingList(school.get().code(), ResidentId.of(id));
            }
        }
        return null;
    }

    /**
     * The decision on a co-build list: the unit's registrations at the school that {@code inUse} counts are
     * the places of its quota taken, and the store commits only while that count holds.
     */
    private Judgement decide(Case c, School school, CoBuildList list, CoBuildCount inUse, Set<ResidentId> selected,
                             CoBuildList toWait, CoBuildList toEnd) {
        List<PolicyQuestion.Candidate> candidates = new ArrayList<>();
        List<Registration> superseded = new ArrayList<>();
        List<NewRegistration> created = new ArrayList<>();
        List<Registration> concerned = new ArrayList<>();
        Registration stuck = null;
        for (ListedChild l : list.children()) {
            List<Registration> history = judging.store().ofChild(l.child());
            boolean isSelected = selected.contains(l.child());
            candidates.add(new PolicyQuestion.Candidate(l.child(), isSelected, history));
            if (!isSelected) {
                continue;
            }
            Optional<Registration> active = history.stream().filter(Registration::isActive).findFirst();
            if (active.isPresent()) {
                concerned.add(active.get());
                Optional<Registration> withdrawn = active.get().take(Step.SUPERSEDE, c.at, "co-build selection");
                withdrawn.ifPresent(superseded::add);
                stuck = stuck == null && withdrawn.isEmpty() ? active.get() : stuck;
            }
            created.add(new NewRegistration(judging.season().year(), l.child(), l.name(), l.household(), school.district(),
                    school.code(), Route.CO_BUILD, list.unit(), RegistrationState.PRE_ADMITTED, c.at));
        }
        PolicyQuestion.CoBuild coBuild = new PolicyQuestion.CoBuild(list.unit(),
                judging.season().agreement(list.unit(), school.code()), quotaLeft(inUse), !selected.isEmpty(), candidates);
        var verdict = judging.policies().judge(PolicyQuestion.coBuild(c.kind, c.occasion(school), coBuild));
        if (!verdict.refuses() && stuck != null) {
            return c.refuse(Reasons.illegalTransition(stuck, Step.SUPERSEDE, c.kind), concerned);
        }
        return c.afterPolicies(verdict, concerned,
                () -> new ChangeSet(superseded, created, Judging.planOf(school), toWait, toEnd, inUse));
    }

    /** The places of the unit's quota at the school still free: the agreement's quota (0 without one) less those in use. */
    private int quotaLeft(CoBuildCount inUse) {
        int quota = judging.season().agreement(inUse.unit(), inUse.school()).map(a -> a.quota()).orElse(0);
        return quota - inUse.active();
    }

    /** The unit's registrations at the school that are not withdrawn, as the store holds them now. */
    private CoBuildCount count(String unit, School school) {
        return CoBuildCount.of(unit, school.code(), judging.store().ofSchool(school.code()));
    }
}
