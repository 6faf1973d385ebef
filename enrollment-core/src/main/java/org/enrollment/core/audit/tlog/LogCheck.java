package org.enrollment.core.audit.tlog;

import java.util.Objects;
import org.enrollment.core.child.MaskedText;

/**
 * The outcome of checking something against the log (核验结果): it holds, or what does not, in words that name the
 * entry, the size or the key.
 *
 * @param holds whether what was checked holds
 * @param problem what does not hold, or an empty string
 */
public record LogCheck(boolean holds, String problem) {

    private static final LogCheck HOLDS = new LogCheck(true, "");

    /** An outcome; a failing one says why. */
    public LogCheck {
        Objects.requireNonNull(problem, "problem");
        if (holds != problem.isEmpty()) {
            throw new IllegalArgumentException("A check that holds has no problem; one that fails says what it is.");
        }
    }

    /** It holds. */
    public static LogCheck ok() {
        return HOLDS;
    }

    /** It does not hold, for this reason. */
    public static LogCheck fails(String problem) {
        return new LogCheck(false, problem);
    }

    /** The record's usual form, resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
