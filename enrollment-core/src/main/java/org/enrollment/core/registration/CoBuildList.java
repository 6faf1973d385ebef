package org.enrollment.core.registration;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.enrollment.core.child.MaskedText;
import org.enrollment.core.child.ResidentId;

/**
 * A co-build unit's list (共建名单) that is longer than the quota left and waits for the school to select
 * (差额推荐). A newer list from any unit replaces the one waiting at the school.
 *
 * @param id a number that tells one waiting list from the next
 * @param unit the recommending unit
 * @param school the school's code
 * @param children the children on the list, each once
 * @param at when the list was given
 */
public record CoBuildList(long id, String unit, String school, List<ListedChild> children, Instant at) {

    /** Validates and freezes the list. */
    public CoBuildList {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(at, "at");
        children = List.copyOf(children);
    }

    /** Whether the child is on the list. */
    public boolean names(ResidentId child) {
        return children.stream().anyMatch(e -> e.child().equals(child));
    }

    /** The record's usual form, resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
