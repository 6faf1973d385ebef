/**
 * The facts the policy files see: plain, read-only records made from a
 * {@link org.enrollment.core.policy.PolicyQuestion}, named so that a rule reads like the policy it encodes
 * ({@code CommandFact(kind == CommandKind.REGISTER)}, {@code ChildFact(birthDate.plusYears($age) > $cutoff)});
 * rules match their properties by the records' accessor names. The
 * {@link org.enrollment.rules.facts.VerdictRecorder} (given to the rules as the global {@code verdict}) records
 * the reasons they give.
 */
package org.enrollment.rules.facts;
