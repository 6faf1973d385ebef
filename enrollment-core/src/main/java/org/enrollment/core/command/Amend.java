package org.enrollment.core.command;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.enrollment.core.child.Household;
import org.enrollment.core.child.MaskedText;
import org.enrollment.core.child.ResidentId;

/**
 * A guardian corrects a registration (修改) that is SUBMITTED or VERIFICATION_FAILED; it goes back to SUBMITTED. At least one of name, household and school is given.
 *
 * @param child the child's resident ID
 * @param name the corrected name, or {@code null} to keep it
 * @param household the corrected household registration, or {@code null}
 * @param school the new target school in the same district, or {@code null}
 */
public record Amend(@NotNull @ResidentIdText String child,
                    @PersonName String name,
                    @Pattern(regexp = "\\d{6}|NB:\\d{6}", message = "must be a district code or NB:<6-digit province code>") String household,
                    @Size(max = 64) String school) implements ChildCommand {

    /** Holds a corrected name in NFC. */
    public Amend {
        name = PersonName.Validator.normalized(name);
    }

    /** The guardian corrects the child's name. */
    public static Amend name(ResidentId child, String name) {
        return new Amend(child.value(), name, null, null);
    }

    /** The guardian corrects the household registration. */
    public static Amend household(ResidentId child, Household household) {
        return new Amend(child.value(), null, household.toString(), null);
    }

    /** The guardian chooses another school in the same district. */
    public static Amend school(ResidentId child, String school) {
        return new Amend(child.value(), null, null, school);
    }

    @Override
    public CommandKind kind() {
        return CommandKind.AMEND;
    }

    /** The command with resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
