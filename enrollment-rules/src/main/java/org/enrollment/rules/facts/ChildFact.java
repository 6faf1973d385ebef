package org.enrollment.rules.facts;

import java.time.LocalDate;
import java.util.Objects;
import org.enrollment.core.child.ResidentId;

/**
 * A child the command is about: the child a guardian registers, or (as {@link ListedChildFact}) each child
 * on a co-build list. Only the masked resident ID is kept.
 */
public class ChildFact {

    private final String child;
    private final LocalDate birthDate;

    /** The facts of this child. */
    public ChildFact(ResidentId child) {
        Objects.requireNonNull(child, "child");
        this.child = child.toString();
        this.birthDate = child.birthDate();
    }

    /** The resident ID, masked (e.g. {@code 110108********123X}). */
    public String getChild() {
        return child;
    }

    /** The birth date, read from the resident ID. */
    public LocalDate getBirthDate() {
        return birthDate;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + child + "]";
    }
}
