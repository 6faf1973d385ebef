package org.enrollment.rules;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * A rule file ready for the compiler: its DRL text (for a decision table, the DRL generated from it) and
 * the way back from a line of that text to a line (or row) of the file the staff edit.
 */
final class PreparedRuleFile {

    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern ROW = Pattern.compile("^\\s*// rule values at [A-Z]+(\\d+)");

    private final RuleFile file;
    private final String drl;
    private final String[] lines;
    private final boolean table;

    private PreparedRuleFile(RuleFile file, String drl, boolean table) {
        this.file = file;
        this.drl = drl;
        this.lines = drl.split("\r?\n", -1);
        this.table = table;
    }

    /**
     * Prepares a file: DRL as it is; a decision table turned into DRL.
     *
     * @throws RuleLoadException naming the file, when a decision table cannot be read
     */
    static PreparedRuleFile of(RuleFile file) {
        if (!RuleFile.isDecisionTable(file.name())) {
            return new PreparedRuleFile(file, file.text(), false);
        }
        if (file.isCsv() && !isUtf8(file.content())) {
            throw new RuleLoadException(file.name(), List.of(new RuleProblem(file.name(), 0,
                    "The CSV table is not UTF-8 text: it was probably saved as GBK/GB18030 (Excel or WPS on Chinese Windows does that)."
                            + "\nMaybe save it again as \"CSV UTF-8\" (Excel: File > Save As > CSV UTF-8), or edit the .drl.xlsx table instead.")));
        }
        try {
            return new PreparedRuleFile(file, TableCache.drl(file), true);
        } catch (RuntimeException e) {
            throw new RuleLoadException(file.name(), List.of(new RuleProblem(file.name(), 0,
                    "The decision table cannot be read: " + rootMessage(e)
                            + "\nMaybe a keyword cell (RuleSet, RuleTable, CONDITION, ACTION) is misspelt or a row is missing.")));
        }
    }

    /**
     * The DRL of the decision tables expanded lately, by name and content: reading a workbook (Apache POI) was an
     * eighth of a reload's time, and a reload mostly finds the tables as they were. Only tables that expanded are
     * kept, the last {@value #KEPT}; the DRL is a function of the name's type and the bytes alone.
     */
    private static final class TableCache {

        private static final int KEPT = 16;
        private static final Recent<String> DRL = new Recent<>(KEPT);

        static String drl(RuleFile file) {
            String key = RuleFile.fingerprint(List.of(file)); // of the name and the bytes
            return DRL.get(key).orElseGet(() -> {
                String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(file.content()),
                        file.isCsv() ? InputType.CSV : InputType.XLS);
                DRL.put(key, drl);
                return drl;
            });
        }
    }

    private static boolean isUtf8(byte[] content) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** The file as the staff edit it. */
    RuleFile file() {
        return file;
    }

    /** The DRL text the compiler sees. */
    String drl() {
        return drl;
    }

    /** The name under which the compiler sees it: a decision table's generated DRL gets {@code .drl} added. */
    String compiledName() {
        return table ? file.name() + ".drl" : file.name();
    }

    /** The line (or table row) of the edited file that a line of the DRL comes from. */
    SourceLine lineOf(int drlLine) {
        if (!table || drlLine <= 0) {
            return new SourceLine(file.name(), Math.max(drlLine, 0));
        }
        int row = 0;
        for (int i = 0; i < Math.min(drlLine, lines.length); i++) {
            Matcher m = ROW.matcher(lines[i]);
            if (m.find()) {
                row = Integer.parseInt(m.group(1));
            }
        }
        return new SourceLine(file.name(), row);
    }

    /** The first line of the DRL that holds the text (as a whole word when it is one), or 0. */
    int find(String text) {
        return find(text, 1);
    }

    /** The first line of the DRL, from this line on, that holds the text (its first line, when it has several), or 0. */
    int find(String text, int from) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        String needle = text.strip().lines().findFirst().orElse("").strip();
        Pattern word = needle.matches("\\w+") ? Pattern.compile("\\b" + Pattern.quote(needle) + "\\b") : null;
        for (int i = Math.max(from, 1) - 1; i < lines.length; i++) {
            if (word != null ? word.matcher(lines[i]).find() : lines[i].contains(needle)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The rules this file declares, each with its line (its row, for a decision table), in file order. */
    Map<String, SourceLine> rules() {
        Map<String, SourceLine> rules = new LinkedHashMap<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher m = RULE.matcher(lines[i]);
            if (m.find()) {
                rules.putIfAbsent(m.group(1), lineOf(i + 1));
            }
        }
        return rules;
    }

    /** Prepares every file, collecting the problems of those that cannot be read. */
    static List<PreparedRuleFile> ofAll(List<RuleFile> files, String what) {
        List<PreparedRuleFile> sources = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleFile f : files) {
            try {
                sources.add(of(f));
            } catch (RuleLoadException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleLoadException(what, problems);
        }
        return sources;
    }
}
