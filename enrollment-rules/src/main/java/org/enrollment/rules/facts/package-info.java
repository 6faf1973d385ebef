/**
 * The facts the policy files see: plain, read-only JavaBeans made from a
 * {@link org.enrollment.core.policy.PolicyQuestion}, named so that a rule reads like the policy it encodes
 * ({@code CommandFact(kind == CommandKind.REGISTER)}, {@code ChildFact(birthDate.plusYears($age) > $cutoff)}),
 * and the {@link org.enrollment.rules.facts.Verdict} the rules give their reasons to.
 */
package org.enrollment.rules.facts;
