/**
 * The registration aggregate (入学登记) and its lifecycle: states, steps, pre-registration numbers, and the
 * co-build lists waiting for a school's selection.
 */
package org.enrollment.core.registration;
