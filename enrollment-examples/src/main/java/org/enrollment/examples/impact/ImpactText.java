package org.enrollment.examples.impact;

import java.io.PrintWriter;
import java.util.List;
import org.enrollment.examples.impact.Breakdown.Group;
import org.enrollment.examples.impact.SeasonImpact.Grouping;
import org.enrollment.examples.scenario.Funnel;
import org.enrollment.examples.scenario.Funnel.Stage;

/** The impact for people at a terminal: what was compared, what changed and where, the funnels side by side. */
public final class ImpactText {

    /** How many groups of each kind are printed; the JSON and HTML have them all. */
    private static final int SHOWN = 8;

    private ImpactText() {
    }

    /** Prints one season's impact; {@code summary} leaves out the funnels and the rules fired. */
    public static void print(SeasonImpact s, PrintWriter out, boolean summary) {
        out.printf("Impact on %s (season %d), compared %s%n", s.file(), s.year(), s.comparedAt());
        out.printf("  baseline: %s (%s)%n  proposed: %s (%s)%n", s.baseline().origin(), shortPrint(s.baseline().fingerprint()),
                s.proposed().origin(), shortPrint(s.proposed().fingerprint()));
        if (s.nothingChanged()) {
            out.printf("Nothing changed: all %,d commands end the same, every child ends in the same state.%n", s.commands());
            out.flush();
            return;
        }
        out.printf("%,d of %,d commands end differently; %,d children end in another state "
                + "(%,d no longer reach FILED, %,d newly do).%n", s.commandsChanged(), s.commands(), s.childrenChanged(),
                s.noLongerFiled(), s.newlyFiled());
        for (Grouping g : List.of(Grouping.RULE, Grouping.REASON, Grouping.DISTRICT, Grouping.SCHOOL, Grouping.KIND)) {
            groups("Commands by " + g.english() + " (" + g.chinese() + ")", s.changes(g), out);
        }
        for (Grouping g : List.of(Grouping.TRANSITION, Grouping.DISTRICT)) {
            groups("Children by " + g.english() + " (" + g.chinese() + ")", s.children(g), out);
        }
        if (!summary) {
            funnels(s, out);
            out.printf("Rules never fired: baseline %s; proposed %s.%n", names(s.baseline().neverFired()), names(s.proposed().neverFired()));
        }
        out.flush();
    }

    private static void groups(String title, List<Group> groups, PrintWriter out) {
        if (groups.isEmpty()) {
            return;
        }
        out.println(title + ":");
        for (Group g : groups.subList(0, Math.min(SHOWN, groups.size()))) {
            out.printf("  %,9d  %s%n", g.count(), g.key());
            g.examples().forEach(e -> out.println("             e.g. " + e));
        }
        if (groups.size() > SHOWN) {
            out.printf("  … and %d more%n", groups.size() - SHOWN);
        }
    }

    private static void funnels(SeasonImpact s, PrintWriter out) {
        out.println("Funnel per district, baseline → proposed (registered, verified, pre-admitted, approved, admitted, filed):");
        Funnel a = s.baseline().funnel();
        Funnel b = s.proposed().funnel();
        for (int d = 0; d < a.districts().size(); d++) {
            StringBuilder line = new StringBuilder(String.format("  %-8s", a.districts().get(d).code()));
            for (Stage stage : Stage.values()) {
                long x = a.count(d, stage);
                long y = b.count(d, stage);
                line.append(x == y ? String.format(" %,15d", x) : String.format(" %,7d→%,7d", x, y));
            }
            out.println(line);
        }
    }

    private static String names(List<String> rules) {
        return rules.isEmpty() ? "none" : String.join(", ", rules);
    }

    /** The first 12 hex digits of a rule set's fingerprint, as the reports show it, e.g. {@code sha256:698e77d63f09}. */
    public static String shortPrint(String fingerprint) {
        return "sha256:" + fingerprint.substring(0, Math.min(12, fingerprint.length()));
    }
}
