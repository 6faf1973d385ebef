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
}
