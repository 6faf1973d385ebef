package org.enrollment.core.command;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

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
                       @NotNull @PlainText(max = 50) String name,
                       @NotNull @Pattern(regexp = "\\d{6}|NB:\\d{6}", message = "must be a district code or NB:<6-digit province code>") String household,
                       @NotNull @Size(max = 64) String district,
                       @NotNull @Size(max = 64) String school,
                       @Pattern(regexp = "ONLINE|BOARDING", message = "must be ONLINE or BOARDING") String route) implements ChildCommand {

    @Override
    public CommandKind kind() {
        return CommandKind.REGISTER;
    }
}
