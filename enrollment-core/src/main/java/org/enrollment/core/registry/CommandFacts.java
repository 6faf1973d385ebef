package org.enrollment.core.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Amend;
import org.enrollment.core.command.BoardingDecide;
import org.enrollment.core.command.Command;
import org.enrollment.core.command.Verify;

/**
 * The facts a command gives that decide it, as its audit entry keeps them: a verification's result and the
 * documents shown, a boarding decision, what an amendment changes (the name only as changed: the name itself is
 * in the sealed state). And the check of the host's operator id.
 */
final class CommandFacts {

    private static final int MAX = 300;
    private static final Pattern OPERATOR = Pattern.compile("[\\p{L}\\p{N}._:@-]{1,64}");
    private static final Pattern LONG_NUMBER = Pattern.compile("[0-9]{15,}");

    private CommandFacts() {
    }

    /** The facts in written form, resident IDs masked; empty for a command that gives none. */
    static String of(Command command) {
        List<String> facts = new ArrayList<>(3);
        if (command instanceof Verify v) {
            facts.add("result=" + v.result());
            facts.add("documents=" + (v.documents() == null ? "" : String.join(",", v.documents())));
        } else if (command instanceof BoardingDecide b) {
            facts.add("decision=" + b.result());
        } else if (command instanceof Amend a) {
            if (a.name() != null) {
                facts.add("name changed");
            }
            if (a.household() != null) {
                facts.add("household=" + a.household());
            }
            if (a.school() != null) {
                facts.add("school=" + a.school());
            }
        }
        if (facts.isEmpty()) {
            return "";
        }
        String text = ResidentId.maskAll(String.join(" ", facts));
        return text.length() <= MAX ? text : text.substring(0, MAX) + "…";
    }

    /**
     * Whether the operator id is one the log may keep: 1 to 64 letters, digits or {@code ._:@-}, and no run of
     * 15 or more digits (a resident ID, or one cut short, is personal data).
     */
    static boolean isOperator(String operator) {
        return OPERATOR.matcher(operator).matches() && !LONG_NUMBER.matcher(operator).find()
                && ResidentId.maskAll(operator).equals(operator);
    }
}
