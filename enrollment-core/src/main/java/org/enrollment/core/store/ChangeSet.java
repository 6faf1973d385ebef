package org.enrollment.core.store;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.enrollment.core.child.MaskedText;
import org.enrollment.core.registration.CoBuildList;
import org.enrollment.core.registration.NewRegistration;
import org.enrollment.core.registration.Registration;

/**
 * Everything one accepted command changes, for a store to write at once, with the command's audit entry,
 * or not at all.
 *
 * @param updates registrations after a step; each carries the stored version plus one
 * @param inserts registrations to create
 * @param plans the plan of every school whose taken places this change may raise: the store refuses
 *              with {@link CommitResult.Conflict#PLAN_FULL} rather than go past it
 * @param waitingList a co-build list to wait at its school, replacing any there; or {@code null}
 * @param endWaitingList a co-build list that ends (selected from); or {@code null}
 * @param coBuildCount for a co-build command, the unit's registrations at the school it was judged on: the
 *                     store writes nothing unless that count still holds; or {@code null}
 */
public record ChangeSet(List<Registration> updates, List<NewRegistration> inserts, Map<String, Integer> plans,
                        CoBuildList waitingList, CoBuildList endWaitingList, CoBuildCount coBuildCount) {

    /** Freezes the collections. */
    public ChangeSet {
        updates = List.copyOf(updates);
        inserts = List.copyOf(inserts);
        plans = Map.copyOf(plans);
    }

    /** A change of registrations only. */
    public static ChangeSet of(List<Registration> updates, List<NewRegistration> inserts, Map<String, Integer> plans) {
        return new ChangeSet(updates, inserts, plans, null, null, null);
    }

    /** Whether it changes nothing. */
    public boolean isEmpty() {
        return updates.isEmpty() && inserts.isEmpty() && waitingList == null && endWaitingList == null;
    }

    /** The plan of a school whose places this change may raise. */
    public int planOf(String school) {
        Integer plan = plans.get(Objects.requireNonNull(school, "school"));
        if (plan == null) {
            throw new IllegalStateException("The change raises the places taken at school " + school
                    + " but gives no plan for it; the registry must name every such school.");
        }
        return plan;
    }

    /** The record's usual form, resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
