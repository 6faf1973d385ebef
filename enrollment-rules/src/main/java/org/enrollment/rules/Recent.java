package org.enrollment.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The values worked out lately, by key: at most so many, the one used longest ago let go first. For what is a
 * function of its key alone (a SHA-256 of the input), so that a value found is the value that would be worked
 * out again. Safe for any number of threads.
 *
 * @param <V> the values kept
 */
final class Recent<V> {

    private final Map<String, V> kept;

    /** Keeps at most this many values. */
    Recent(int size) {
        this.kept = new LinkedHashMap<>(size, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > size;
            }
        };
    }

    /** The value kept for the key, if any (it then counts as just used). */
    synchronized Optional<V> get(String key) {
        return Optional.ofNullable(kept.get(key));
    }

    /** Keeps the value for the key, letting the value used longest ago go when there are too many. */
    synchronized void put(String key, V value) {
        kept.put(key, value);
    }
}
