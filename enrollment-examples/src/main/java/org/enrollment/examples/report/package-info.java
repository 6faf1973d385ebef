/**
 * Reports to look at (报告): one self-contained HTML page each, Chinese first with English beside it, the
 * funnels as inline SVG charts, sortable tables, no asset or script from elsewhere. {@link
 * org.enrollment.examples.report.ImpactPage} for {@code impact --html}, {@link
 * org.enrollment.examples.report.SeasonPage} for {@code simulate --html}.
 */
package org.enrollment.examples.report;
