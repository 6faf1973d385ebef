package org.enrollment.core.command;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.enrollment.core.child.Household;
import org.enrollment.core.child.MaskedText;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.registration.Route;

/**
 * A guardian registers a child online (网上登记) in one district's system, for a school in that district. The registry issues a pre-registration number.
 *
 * @param child the child's resident ID
 * @param name the child's name, 1 to 50 characters
 * @param household the household registration: a district code (京籍) or {@code NB:<province>} (非京籍)
 * @param district the district whose system is used
 * @param school the target school's code
 * @param route {@code ONLINE} (also when {@code null}) or {@code BOARDING}
 */
public record Register(@NotNull @ResidentIdText String child,
                       @NotNull @PersonName String name,
                       @NotNull @Pattern(regexp = "\\d{6}|NB:\\d{6}", message = "must be a district code or NB:<6-digit province code>") String household,
                       @NotNull @Size(max = 64) String district,
                       @NotNull @Size(max = 64) String school,
                       @Pattern(regexp = "ONLINE|BOARDING", message = "must be ONLINE or BOARDING") String route) implements ChildCommand {

    /** Holds the name in NFC (a registry of names compares names as Unicode does). */
    public Register {
        name = PersonName.Validator.normalized(name);
    }

    /**
     * A guardian registers the child online, in the district whose system is used, for a school there.
     *
     * @param child the child
     * @param name the child's name
     * @param household the household registration (户籍): {@code Household.of("110108")} or {@code "NB:130000"}
     * @param district the code of the district whose system is used, e.g. {@code 110108}
     * @param school the target school's code
     */
    public static Register online(ResidentId child, String name, Household household, String district, String school) {
        return new Register(child.value(), name, household.toString(), district, school, Route.ONLINE.name());
    }

    /** A guardian applies to a boarding school (寄宿), registering in the district of that school. */
    public static Register boarding(ResidentId child, String name, Household household, String district, String school) {
        return new Register(child.value(), name, household.toString(), district, school, Route.BOARDING.name());
    }

    @Override
    public CommandKind kind() {
        return CommandKind.REGISTER;
    }

    /** The command with resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
