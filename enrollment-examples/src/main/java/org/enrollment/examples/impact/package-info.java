/**
 * Impact replay (影响评估): a season's commands replayed under the rules in force and under proposed rules,
 * side by side, and what would end differently: the commands, the children, the funnels, the rules fired.
 */
package org.enrollment.examples.impact;
