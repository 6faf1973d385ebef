package org.enrollment.rules;

/**
 * A place in a rule file.
 *
 * @param file the file's name
 * @param line the line (a decision table's row), from 1; 0 when not known
 */
record SourceLine(String file, int line) {
}
