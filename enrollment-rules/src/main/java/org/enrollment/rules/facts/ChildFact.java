package org.enrollment.rules.facts;

import java.time.LocalDate;
import java.util.Objects;
import org.enrollment.core.child.ResidentId;

/**
 * A child the command is about (儿童): the child a guardian registers, or each child on a co-build list. Only
 * the masked resident ID is kept.
 *
 * @param child the resident ID, masked (e.g. {@code 110108********123X})
 * @param birthDate the birth date, read from the resident ID
 */
public record ChildFact(String child, LocalDate birthDate) {

    /** Validates the fields. */
    public ChildFact {
        Objects.requireNonNull(child, "child");
        Objects.requireNonNull(birthDate, "birthDate");
    }

    /** The facts of this child. */
    public static ChildFact of(ResidentId child) {
        return new ChildFact(child.toString(), child.birthDate());
    }

    /** Shows the masked ID only: the birth date is the part of the ID a mask hides. */
    @Override
    public String toString() {
        return "ChildFact[" + child + "]";
    }
}
