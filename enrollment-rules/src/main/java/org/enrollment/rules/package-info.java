/**
 * The {@link org.enrollment.core.policy.PolicyEngine} implemented with Drools 10: the policy files staff
 * read and edit (one DRL file per policy, the document list as a decision table), loaded from the jar or a
 * folder, compiled once, and swapped atomically on reload.
 */
package org.enrollment.rules;
