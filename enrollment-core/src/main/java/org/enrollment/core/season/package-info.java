/**
 * The season (招生年度) and its fixed parts: districts, schools with their plans, co-build agreements.
 */
package org.enrollment.core.season;
