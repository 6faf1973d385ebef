package org.enrollment.examples.impact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts of changes by one key (分组统计: by rule, reason, district, school, kind or state), each with its
 * first few examples.
 */
public final class Breakdown {

    /** How many examples a group keeps. */
    static final int EXAMPLES = 3;

    private final Map<String, Counter> counts = new HashMap<>();

    /** Counts one change under the key, keeping the example if the group has fewer than {@value #EXAMPLES}. */
    public void add(String key, String example) {
        Counter c = counts.computeIfAbsent(Objects.requireNonNull(key, "key"), k -> new Counter());
        c.count++;
        if (c.examples.size() < EXAMPLES) {
            c.examples.add(example);
        }
    }

    /** The groups, the largest first (ties by key). */
    public List<Group> groups() {
        return counts.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue().count, e.getValue().examples))
                .sorted(Comparator.comparingLong(Group::count).reversed().thenComparing(Group::key)).toList();
    }

    private static final class Counter {
        long count;
        final List<String> examples = new ArrayList<>(EXAMPLES);
    }

    /**
     * One group of changes.
     *
     * @param key what the changes share, e.g. {@code 110108 海淀区} or {@code +DOCUMENTS_MISSING}
     * @param count how many changes
     * @param examples the first few, children's IDs masked
     */
    public record Group(String key, long count, List<String> examples) {

        /** Freezes. */
        public Group {
            examples = List.copyOf(examples);
        }
    }
}
