package org.enrollment.core.policy;

/**
 * The port through which the registry asks the policies (the rules policy staff edit) about a command.
 * The core ships no policies of its own: the Drools engine in {@code enrollment-rules} implements this.
 *
 * <p>Implementations must be safe to call from many threads at once and must not change anything: a
 * judgement is a pure function of the question.
 */
@FunctionalInterface
public interface PolicyEngine {

    /** Judges the command the question describes. */
    PolicyVerdict judge(PolicyQuestion question);

    /**
     * A fingerprint of the rule set in force, recorded with every audit entry so that the log says what judged
     * each command (the Drools engine: the SHA-256 of its rule files). By default the implementation's class
     * name, which names no rule set.
     */
    default String fingerprint() {
        return getClass().getName();
    }
}
