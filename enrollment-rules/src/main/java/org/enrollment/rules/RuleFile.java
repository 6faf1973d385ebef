package org.enrollment.rules;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * One rule file as read: its name in its folder and its bytes. Text files are UTF-8.
 *
 * @param name the file name, e.g. {@code eligibility.drl}
 * @param content the bytes
 */
record RuleFile(String name, byte[] content) {

    /** Validates the name: a rule file's. */
    RuleFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        if (!isRuleFile(name)) {
            throw new IllegalArgumentException("Rule file name must end with .drl, .drl.csv, .drl.xls or .drl.xlsx, was '" + name + "'.");
        }
    }

    /** Whether a file of this name holds rules: DRL or a decision table. */
    static boolean isRuleFile(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".drl") || isDecisionTable(name);
    }

    /** Whether a file of this name is a decision table: {@code .drl.csv}, {@code .drl.xls} or {@code .drl.xlsx}. */
    static boolean isDecisionTable(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".drl.csv") || n.endsWith(".drl.xls") || n.endsWith(".drl.xlsx");
    }

    /** Whether it is a CSV decision table. */
    boolean isCsv() {
        return name.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** The content as UTF-8 text. */
    String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "RuleFile[" + name + ", " + content.length + " bytes]";
    }
}
