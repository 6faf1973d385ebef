package org.enrollment.rules;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.enrollment.rules.JavaCheck.Finding;

/**
 * Vetting (审查): reads every rule file with the DRL parser Drools ships, before anything compiles or runs,
 * and refuses, with file, line and the offending text, whatever a policy does not need: imports other than
 * the fact types, the core enums and {@code java.time}; globals other than {@code verdict}; functions that
 * loop, recurse or call out; conditions other than fact properties, bound variables, enum constants,
 * literals, comparisons and {@code java.time} arithmetic; consequences other than {@code verdict.refuse(...)},
 * {@code verdict.advise(...)} and {@code insert(new <fact type>(...))}. What is allowed is the
 * {@link RuleAllowList}. A decision table is vetted as the DRL it expands to, its problems on its rows.
 */
final class RuleVetter {

    private static final Set<String> ATTRIBUTES = Set.of("salience", "no-loop", "lock-on-active", "agenda-group",
            "activation-group", "auto-focus", "enabled", "date-effective", "date-expires", "ruleflow-group", "dialect");

    private final RuleAllowList allowed;

    RuleVetter(RuleAllowList allowed) {
        this.allowed = allowed;
    }

    /**
     * Vets the files together (a package's functions may be called from any of its files).
     *
     * @return the problems, in file order; empty when every file passed. A file the parser cannot read is
     *         left to the compiler, which reports it and builds nothing
     */
    List<RuleProblem> vet(List<PreparedRuleFile> files) {
        Map<PreparedRuleFile, PackageDescr> parsed = new LinkedHashMap<>();
        for (PreparedRuleFile f : files) {
            parse(f).ifPresent(p -> parsed.put(f, p));
        }
        Set<String> functions = new HashSet<>();
        parsed.values().forEach(p -> p.getFunctions().forEach(fn -> functions.add(fn.getName())));
        Map<String, Set<String>> calls = new HashMap<>();
        List<RuleProblem> problems = new ArrayList<>();
        parsed.forEach((file, pkg) -> new FileVetting(file, functions, calls, problems).vet(pkg));
        parsed.forEach((file, pkg) -> pkg.getFunctions().forEach(fn -> recursion(fn, calls).ifPresent(path ->
                problems.add(problem(file, fn, fn.getName(), "Function " + fn.getName() + " calls itself (" + path
                        + "): recursion is not allowed.\nMaybe write it without calling itself: a function works out one"
                        + " value from its arguments.")))));
        return problems;
    }

    private static Optional<PackageDescr> parse(PreparedRuleFile file) {
        try {
            DrlParser parser = new DrlParser();
            PackageDescr pkg = parser.parse(false, file.drl());
            return parser.hasErrors() || pkg == null ? Optional.empty() : Optional.of(pkg);
        } catch (DroolsParserException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> recursion(FunctionDescr fn, Map<String, Set<String>> calls) {
        List<String> path = new ArrayList<>(List.of(fn.getName()));
        return reaches(fn.getName(), fn.getName(), calls, path, new HashSet<>()) ? Optional.of(String.join(" → ", path)) : Optional.empty();
    }

    private static boolean reaches(String from, String target, Map<String, Set<String>> calls, List<String> path, Set<String> seen) {
        for (String next : calls.getOrDefault(from, Set.of())) {
            path.add(next);
            if (next.equals(target) || seen.add(next) && reaches(next, target, calls, path, seen)) {
                return true;
            }
            path.remove(path.size() - 1);
        }
        return false;
    }

    /** A problem at the first line, from the descr's own, that holds the text (or its key word). */
    static RuleProblem problem(PreparedRuleFile file, BaseDescr where, String text, String message) {
        return problem(file, where, new Finding(text, null, message));
    }

    static RuleProblem problem(PreparedRuleFile file, BaseDescr where, Finding f) {
        int line = file.find(f.text(), where.getLine());
        if (line == 0 && f.key() != null) {
            line = file.find(f.key(), where.getLine());
        }
        SourceLine at = file.lineOf(line > 0 ? line : Math.max(where.getLine(), 0));
        String text = f.text().strip().replaceAll("\\s+", " ");
        return new RuleProblem(at.file(), at.line(), "Not allowed: " + (text.length() > 80 ? text.substring(0, 77) + "..." : text)
                + ". " + f.message());
    }

    /** Where the checks of one file put their problems. */
    interface Report {

        /** Runs a check of something at the descr; its finding, if any, is a problem. */
        void check(BaseDescr where, Supplier<Optional<Finding>> check);

        /** A problem with the text at the descr. */
        void add(BaseDescr where, String text, String message);
    }

    /** The vetting of one file's package. */
    private final class FileVetting implements Report {

        private final PreparedRuleFile file;
        private final Set<String> functions;
        private final Map<String, Set<String>> calls;
        private final List<RuleProblem> problems;

        FileVetting(PreparedRuleFile file, Set<String> functions, Map<String, Set<String>> calls, List<RuleProblem> problems) {
            this.file = file;
            this.functions = functions;
            this.calls = calls;
            this.problems = problems;
        }

        void vet(PackageDescr pkg) {
            for (ImportDescr i : pkg.getImports()) {
                if (!allowed.importable(i.getTarget())) {
                    add(i, "import " + i.getTarget(), "A rule file imports only the fact types (org.enrollment.rules.facts.*),"
                            + " the enums rules compare with (CommandKind, ReasonCode, RegistrationState, Route, Document, ...)"
                            + " and java.time types, as rule-allow-list.txt lists them.");
                }
            }
            pkg.getFunctionImports().forEach(i -> add(i, "import function " + i.getTarget(),
                    "Functions come from the rule files themselves.\nMaybe declare the function in the file."));
            pkg.getAccumulateImports().forEach(i -> add(i, "import accumulate " + i.getTarget(),
                    "Accumulate with the built-in functions: count, sum, min, max, average."));
            for (GlobalDescr g : pkg.getGlobals()) {
                if (!g.getIdentifier().equals(RuleCompiler.VERDICT) || !allowed.isType(g.getType())) {
                    add(g, "global " + g.getType() + " " + g.getIdentifier(), "The one global is \"global VerdictRecorder verdict;\".");
                }
            }
            pkg.getClassAndEnumDeclarationDescrs().forEach(d -> add(d, "declare", "Rules use the fact types of the library;"
                    + " a new kind of fact is added to org.enrollment.rules.facts by the developers."));
            pkg.getEntryPointDeclarations().forEach(d -> add(d, "declare entry-point", "Facts come from the library only."));
            pkg.getWindowDeclarations().forEach(d -> add(d, "declare window", "Facts come from the library only."));
            pkg.getAttributes().forEach(this::attribute);
            pkg.getFunctions().forEach(this::function);
            pkg.getRules().forEach(r -> new RuleVetting(r).vet());
        }

        private void function(FunctionDescr fn) {
            List<String> types = new ArrayList<>(fn.getParameterTypes());
            types.add(fn.getReturnType());
            for (String t : types) {
                if (!allowed.isType(t) && !t.equals("String") && !t.equals("void") && !t.matches("int|long|boolean|double")) {
                    add(fn, t, "A function takes and gives fact types, core enums, java.time values, text or numbers.");
                    return;
                }
            }
            Node body;
            try {
                body = StaticJavaParser.parseBlock("{" + fn.getBody() + "}");
            } catch (RuntimeException e) {
                add(fn, "function " + fn.getName(), "The function's body cannot be read as Java.");
                return;
            }
            calls.put(fn.getName(), new HashSet<>(body.findAll(MethodCallExpr.class, c -> c.getScope().isEmpty()
                    && functions.contains(c.getNameAsString())).stream().map(MethodCallExpr::getNameAsString).toList()));
            check(fn, () -> new JavaCheck(allowed, functions, new HashSet<>(fn.getParameterNames()), true).check(body));
        }

        private void attribute(AttributeDescr a) {
            if (!ATTRIBUTES.contains(a.getName()) || a.getName().equals("dialect") && !"java".equals(a.getValue())
                    || a.getName().equals("salience") && !a.getValue().strip().matches("-?\\d+")
                    || a.getName().equals("enabled") && !a.getValue().strip().matches("true|false")) {
                add(a, a.getName() + " " + a.getValue(), "Attributes a rule may have: salience <number>, no-loop, lock-on-active,"
                        + " agenda-group, activation-group, auto-focus, enabled true/false, date-effective, date-expires, dialect \"java\".");
            }
        }

        @Override
        public void check(BaseDescr where, Supplier<Optional<Finding>> check) {
            Optional<Finding> f;
            try {
                f = check.get();
            } catch (RuntimeException e) {
                f = Optional.of(new Finding(where.getText() == null ? "" : where.getText(), null,
                        "This cannot be read as a condition or a consequence the vetting knows." + JavaCheck.SEE));
            }
            f.ifPresent(x -> problems.add(problem(file, where, x)));
        }

        @Override
        public void add(BaseDescr where, String text, String message) {
            problems.add(problem(file, where, text, message));
        }

        /** The vetting of one rule: attributes, conditions, consequence. */
        private final class RuleVetting {

            private final RuleDescr rule;

            RuleVetting(RuleDescr rule) {
                this.rule = rule;
            }

            void vet() {
                if (rule.isQuery()) {
                    add(rule, "query", "Queries are not needed by the policies; write a rule.");
                    return;
                }
                rule.getAttributes().values().forEach(FileVetting.this::attribute);
                if (!rule.getNamedConsequences().isEmpty()) {
                    add(rule, "then[", "A rule has one consequence.");
                }
                RuleConditions conditions = new RuleConditions(allowed, functions, FileVetting.this, rule);
                conditions.vet(rule.getLhs());
                check(rule, () -> new RuleConsequence(allowed, functions, conditions.bindings()).check(String.valueOf(rule.getConsequence())));
            }
        }
    }
}
