package org.enrollment.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.builder.Message;

/**
 * Turns the compiler's error messages into problems that name the file staff edit and its line. The
 * executable model reports some errors without a line (an unknown property) or against the Java it
 * generated (a consequence that does not compile); those are traced back by finding the text they quote.
 */
final class ProblemLocator {

    private static final String JAVA_SOURCE = "Java source of ";
    private static final List<Pattern> QUOTED = List.of(
            Pattern.compile("expression:\\s*(.+)$", Pattern.MULTILINE),
            Pattern.compile("Expression\\s+(.+?):?\\s*$", Pattern.MULTILINE),
            Pattern.compile("Unknown field (\\w+)"),
            Pattern.compile("The method (\\w+)\\("),
            Pattern.compile("(\\w+) cannot be resolved"),
            Pattern.compile("[Uu]nknown (?:property|variable|type|class)[: ]+'?(\\w+)"),
            Pattern.compile("'(\\w+)'"));

    /** A property read in generated Java: a record accessor, or a JavaBean getter of a derived property. */
    private static final Pattern GETTER = Pattern.compile("_this\\.(?:get(?=[A-Z])|is(?=[A-Z]))?(\\w+)\\(\\)");

    private final Map<String, PreparedRuleFile> byCompiledPath;
    private final List<PreparedRuleFile> sources;

    /**
     * A locator for these sources.
     *
     * @param folder the folder of the compiler's file system the sources were written to
     */
    ProblemLocator(String folder, List<PreparedRuleFile> sources) {
        this.sources = sources;
        this.byCompiledPath = new HashMap<>();
        for (PreparedRuleFile s : sources) {
            byCompiledPath.put(folder + s.compiledName(), s);
        }
    }

    /** The problems the error messages tell of, each once, in the order reported. */
    List<RuleProblem> problems(List<Message> errors) {
        Map<String, String> javaSources = new HashMap<>();
        for (Message m : errors) {
            String text = m.getText() == null ? "" : m.getText();
            if (text.startsWith(JAVA_SOURCE)) {
                int newline = text.indexOf('\n');
                javaSources.put(m.getPath(), newline < 0 ? "" : text.substring(newline + 1));
            }
        }
        Set<RuleProblem> problems = new LinkedHashSet<>();
        for (Message m : errors) {
            String text = m.getText() == null ? "" : m.getText().strip();
            if (text.startsWith(JAVA_SOURCE) || text.equals("Parser returned a null Package")) {
                continue;
            }
            SourceLine where = locate(m, text, javaSources.get(m.getPath()));
            problems.add(new RuleProblem(where.file(), where.line(), text + advice(text)));
        }
        return new ArrayList<>(problems);
    }

    private SourceLine locate(Message m, String text, String javaSource) {
        PreparedRuleFile own = m.getPath() == null ? null : byCompiledPath.get(stripLeadingFolders(m.getPath()));
        if (own != null && m.getLine() > 0) {
            return own.lineOf(m.getLine());
        }
        List<String> quoted = new ArrayList<>();
        if (own == null && javaSource != null && m.getLine() > 0) {
            String[] javaLines = javaSource.split("\r?\n", -1);
            if (m.getLine() <= javaLines.length) {
                quoted.add(asWritten(javaLines[m.getLine() - 1]));
            }
        }
        for (Pattern p : QUOTED) {
            Matcher matcher = p.matcher(text);
            if (matcher.find()) {
                quoted.add(matcher.group(1));
            }
        }
        List<PreparedRuleFile> where = own != null ? List.of(own) : sources;
        for (String q : quoted) {
            Optional<SourceLine> found = find(where, q);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return new SourceLine(own != null ? own.file().name() : "", 0);
    }

    /** Advice for the errors staff make most: a property or value that does not exist. */
    private static String advice(String text) {
        if (text.contains("Analyse Expression") || text.contains("left part of expression") || text.contains("Unknown field")) {
            return "\nMaybe the fact has no property or value of that name: the facts and their properties are listed in"
                    + " the package org.enrollment.rules.facts, the values in the enums they use (e.g. RegistrationState).";
        }
        return "";
    }

    /**
     * A line of generated Java as it was probably written in the rule file: property reads instead of
     * accessor or getter calls on {@code _this}, without {@code return} and the final semicolon.
     */
    private static String asWritten(String javaLine) {
        Matcher m = GETTER.matcher(javaLine.strip());
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(Character.toLowerCase(m.group(1).charAt(0)) + m.group(1).substring(1)));
        }
        m.appendTail(sb);
        String text = sb.toString();
        if (text.startsWith("return ")) {
            text = text.substring("return ".length());
        }
        return text.replaceFirst(";$", "");
    }

    private static Optional<SourceLine> find(List<PreparedRuleFile> where, String text) {
        for (PreparedRuleFile s : where) {
            int line = s.find(text);
            if (line > 0) {
                return Optional.of(s.lineOf(line));
            }
        }
        return Optional.empty();
    }

    /** The compiler names a resource relative to {@code src/main/resources/} (or with it); keys carry neither. */
    private static String stripLeadingFolders(String path) {
        String p = path.replace('\\', '/');
        String prefix = "src/main/resources/";
        return p.startsWith(prefix) ? p.substring(prefix.length()) : p;
    }
}
