/**
 * Scenario files (SCENARIOS.md): a season written down as JSON Lines, read, replayed against a registry
 * and compared line by line with what each command was expected to give; and written, by the simulator.
 */
package org.enrollment.examples.scenario;
