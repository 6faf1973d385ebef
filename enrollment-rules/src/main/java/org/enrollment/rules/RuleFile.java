package org.enrollment.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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

    /**
     * The fingerprint of a rule set (规则集指纹): the SHA-256, in hex, of its files' names and bytes in name order
     * (each name, a zero byte, the content). Recorded with every audit entry, so the log says which rules judged.
     */
    static String fingerprint(List<RuleFile> files) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256.", e);
        }
        for (RuleFile f : files.stream().sorted(Comparator.comparing(RuleFile::name)).toList()) {
            sha.update(f.name().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(f.content());
        }
        return HexFormat.of().formatHex(sha.digest());
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

    /** Whether a file of this name is the lock file Excel or WPS keeps beside an open workbook ({@code ~$name.xlsx}). */
    static boolean isLockFile(String name) {
        return name.startsWith("~$");
    }

    /**
     * A problem for each decision table that is in the folder twice, as CSV and as a workbook (e.g.
     * {@code eligibility-documents.drl.csv} and {@code eligibility-documents.drl.xlsx}): both would declare the same rules.
     */
    static List<RuleProblem> sameTableTwice(List<String> names) {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String n : names) {
            if (isDecisionTable(n)) {
                tables.computeIfAbsent(n.substring(0, n.toLowerCase(Locale.ROOT).lastIndexOf(".drl.")), k -> new ArrayList<>()).add(n);
            }
        }
        List<RuleProblem> problems = new ArrayList<>();
        tables.values().stream().filter(twins -> twins.size() > 1).forEach(twins -> problems.add(new RuleProblem(twins.get(0), 0,
                "The same table is in the folder twice: " + String.join(" and ", twins) + "; they would declare the same rules."
                        + "\nMaybe keep the one you edit and delete (or move out) the other.")));
        return problems;
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
