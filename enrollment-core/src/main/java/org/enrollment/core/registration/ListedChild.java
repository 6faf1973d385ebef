package org.enrollment.core.registration;

import java.util.Objects;
import org.enrollment.core.child.Household;
import org.enrollment.core.child.ResidentId;

/**
 * A child on a co-build unit's list (共建名单上的儿童), as the registry holds it once the list's text has been
 * checked. The command carries the same child as text ({@link org.enrollment.core.command.ListedChildText}).
 *
 * @param child the child
 * @param name the child's name
 * @param household the child's household registration
 */
public record ListedChild(ResidentId child, String name, Household household) {

    /** Validates the fields. */
    public ListedChild {
        Objects.requireNonNull(child, "child");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(household, "household");
    }

    @Override
    public String toString() {
        return "ListedChild[" + child + ", household " + household + "]";
    }
}
