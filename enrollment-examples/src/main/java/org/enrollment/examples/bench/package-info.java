/**
 * JMH benchmarks of the audit log, shipped in the jar: {@code java -jar enrollment.jar bench}. The policy
 * benchmarks, which compare with the reference policies of the core's tests, are in enrollment-rules' tests.
 */
package org.enrollment.examples.bench;
