package org.enrollment.examples.impact;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.enrollment.examples.impact.Breakdown.Group;
import org.enrollment.examples.scenario.Funnel;

/**
 * What publishing the proposed rules would have done to one season (一个学年的影响): the season's commands
 * replayed under the baseline and the proposed rules.
 *
 * @param file the season file, as named on the command line
 * @param year the season's year
 * @param comparedAt when the comparison ran
 * @param baseline the season under the baseline rules
 * @param proposed the season under the proposed rules
 * @param commands how many commands the season has
 * @param commandsChanged how many commands ended with another outcome or other reason codes
 * @param changes the changed commands by rule, reason code, district, school and command kind
 * @param childrenChanged how many children ended in another state
 * @param children the changed children by transition ({@code FILED → NONE}) and by district
 * @param noLongerFiled how many children were filed (建档) under the baseline and are not under the proposed rules
 * @param newlyFiled how many children are filed under the proposed rules and were not under the baseline
 */
public record SeasonImpact(String file, int year, Instant comparedAt, Side baseline, Side proposed, long commands,
                           long commandsChanged, Map<Grouping, List<Group>> changes, long childrenChanged,
                           Map<Grouping, List<Group>> children, long noLongerFiled, long newlyFiled) {

    /** Freezes. */
    public SeasonImpact {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(proposed, "proposed");
        changes = Map.copyOf(changes);
        children = Map.copyOf(children);
    }

    /** Whether nothing would end differently. */
    public boolean nothingChanged() {
        return commandsChanged == 0 && childrenChanged == 0;
    }

    /** The groups of changed commands by the grouping, largest first; empty when there are none. */
    public List<Group> changes(Grouping g) {
        return changes.getOrDefault(g, List.of());
    }

    /** The groups of changed children by the grouping, largest first; empty when there are none. */
    public List<Group> children(Grouping g) {
        return children.getOrDefault(g, List.of());
    }

    /** What changes are grouped by, with the headings the reports show. */
    public enum Grouping {
        /** The rules that fired under one rule set and not the other. */
        RULE("规则", "rule"),
        /** The reason codes given under one and not the other ({@code +} now given, {@code −} no longer given). */
        REASON("理由代码", "reason code"),
        /** The district of the registration concerned. */
        DISTRICT("区", "district"),
        /** The school of the registration concerned. */
        SCHOOL("学校", "school"),
        /** The kind of command. */
        KIND("命令", "command"),
        /** A child's end state under the baseline and under the proposed rules. */
        TRANSITION("最终状态变化", "end state");

        private final String chinese;
        private final String english;

        Grouping(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }

        /** The heading in Chinese. */
        public String chinese() {
            return chinese;
        }

        /** The heading in English. */
        public String english() {
            return english;
        }

        /** The name the JSON gives it, e.g. {@code byRule}. */
        public String jsonName() {
            String n = name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
            return "by" + n;
        }
    }

    /**
     * The season under one rule set.
     *
     * @param origin where the rules came from, e.g. {@code the shipped rules} or the folder
     * @param fingerprint the SHA-256 of the rule files, hex
     * @param funnel the funnel per district the season left
     * @param rulesFired how often each rule fired, by name
     * @param neverFired the rules that never fired, by name
     */
    public record Side(String origin, String fingerprint, Funnel funnel, Map<String, Long> rulesFired, List<String> neverFired) {

        /** Freezes. */
        public Side {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(funnel, "funnel");
            rulesFired = Map.copyOf(rulesFired);
            neverFired = List.copyOf(neverFired);
        }
    }
}
