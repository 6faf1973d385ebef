/**
 * Scenario files (SCENARIOS.md): a season written down as JSON Lines, read, replayed against a registry
 * and compared line by line with what each command was expected to give; and written, by the simulator. A file's
 * commands are replayed one after another, or several at once where none can affect another (on a store with
 * connections to match), with every decision and output line the same.
 */
package org.enrollment.examples.scenario;
