package org.enrollment.core.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.registration.CoBuildList;
import org.enrollment.core.registration.NewRegistration;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationNumber;

/** The in-memory store's check of a change set under its locks, before anything is written. */
final class CommitCheck {

    private CommitCheck() {
    }

    /**
     * What keeps the change from being written, if anything: first what the judgement read of a school that has
     * changed since (the command is then judged again, never refused on stale facts), then versions, uniqueness
     * and plans.
     */
    static CommitResult.Conflict of(RegistrationStore store, ChangeSet changes, Map<RegistrationNumber, Registration> before) {
        CoBuildList ending = changes.endWaitingList();
        if (ending != null && !ending.equals(store.waitingList(ending.school()).orElse(null))) {
            return new CommitResult.Conflict(CommitResult.Conflict.Kind.STALE, "the co-build list waiting at " + ending.school() + " changed");
        }
        CoBuildCount judged = changes.coBuildCount();
        if (judged != null) {
            CommitResult.Conflict changed = judged.conflictIfNot(CoBuildCount.of(judged.unit(), judged.school(), store.ofSchool(judged.school())).active())
                    .orElse(null);
            if (changed != null) {
                return changed;
            }
        }
        Map<String, Integer> delta = new HashMap<>();
        Set<ResidentId> freed = new HashSet<>();
        for (Registration u : changes.updates()) {
            Registration current = store.find(u.number()).orElse(null);
            if (current != before.get(u.number()) || current.version() + 1 != u.version()) {
                return new CommitResult.Conflict(CommitResult.Conflict.Kind.STALE, "registration " + u.number() + " changed");
            }
            if (current.state().occupiesPlace()) {
                delta.merge(current.school(), -1, Integer::sum);
            }
            if (u.state().occupiesPlace()) {
                delta.merge(u.school(), 1, Integer::sum);
            }
            if (current.isActive() && !u.isActive()) {
                freed.add(u.child());
            }
        }
        Set<ResidentId> inserted = new HashSet<>();
        for (NewRegistration n : changes.inserts()) {
            if (!inserted.add(n.child()) || !freed.contains(n.child()) && activeOf(store, n.child()) != null) {
                return new CommitResult.Conflict(CommitResult.Conflict.Kind.DUPLICATE_REGISTRATION,
                        "child " + n.child() + " already holds a registration that is not withdrawn");
            }
            if (n.state().occupiesPlace()) {
                delta.merge(n.school(), 1, Integer::sum);
            }
        }
        for (Map.Entry<String, Integer> d : delta.entrySet()) {
            if (d.getValue() > 0 && store.placesTaken(d.getKey()) + d.getValue() > changes.planOf(d.getKey())) {
                return new CommitResult.Conflict(CommitResult.Conflict.Kind.PLAN_FULL,
                        "school " + d.getKey() + " has " + store.placesTaken(d.getKey()) + " of " + changes.planOf(d.getKey()) + " places taken");
            }
        }
        return null;
    }

    private static Registration activeOf(RegistrationStore store, ResidentId child) {
        List<Registration> all = store.ofChild(child);
        Registration last = all.isEmpty() ? null : all.get(all.size() - 1);
        return last != null && last.isActive() ? last : null;
    }
}
