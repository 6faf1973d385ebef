package org.enrollment.core.command;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.enrollment.core.child.MaskedText;

/**
 * A child on a co-build unit's list (共建名单上的儿童) as the unit's form or file gives it: text, checked when the
 * list is judged, and then held as an {@link org.enrollment.core.registration.ListedChild}.
 *
 * @param child the child's resident ID
 * @param name the child's name, 1 to 50 characters
 * @param household the household registration: a district code (京籍) or {@code NB:<province>} (非京籍)
 */
public record ListedChildText(@NotNull @ResidentIdText String child,
                          @NotNull @PersonName String name,
                          @NotNull @Pattern(regexp = "\\d{6}|NB:\\d{6}", message = "must be a district code or NB:<6-digit province code>") String household) {

    /** Holds the name in NFC. */
    public ListedChildText {
        name = PersonName.Validator.normalized(name);
    }

    /** The command with resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
