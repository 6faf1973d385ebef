/**
 * JMH benchmarks of the policies: the Drools rules against the hand-written reference policies (the baseline),
 * judging prepared questions and carrying out whole commands. Run with {@code mvn -B -Pbench -DskipTests verify}
 * (see BENCHMARKS.md).
 */
package org.enrollment.rules.bench;
