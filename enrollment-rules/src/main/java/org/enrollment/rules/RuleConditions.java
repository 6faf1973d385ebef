package org.enrollment.rules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.mvel.parser.DrlxParser;
import org.drools.mvel.parser.ast.expr.DrlxExpression;

/**
 * The vetting of a rule's conditions (条件): patterns of fact types with constraints made of fact properties,
 * bound variables, enum constants, literals, comparisons and {@code java.time} arithmetic; {@code and},
 * {@code or}, {@code not}, {@code exists}, {@code forall}, {@code eval}, {@code from} and {@code accumulate}
 * with the built-in functions. Remembers the variables bound to facts, for the consequence.
 */
final class RuleConditions {

    private static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "min", "max", "average",
            "collectList", "collectSet");
    private static final Set<String> RESULT_TYPES = Set.of("Object", "Number", "Long", "Integer", "Double",
            "List", "Set", "Collection");

    private final RuleAllowList allowed;
    private final Set<String> functions;
    private final RuleVetter.Report report;
    private final RuleDescr rule;
    private final Map<String, String> bindings = new HashMap<>();
    private final Set<String> names = new HashSet<>();

    RuleConditions(RuleAllowList allowed, Set<String> functions, RuleVetter.Report report, RuleDescr rule) {
        this.allowed = allowed;
        this.functions = functions;
        this.report = report;
        this.rule = rule;
    }

    /** The variables bound to whole facts, each with its fact type. */
    Map<String, String> bindings() {
        return bindings;
    }

    void vet(BaseDescr d) {
        if (d instanceof AndDescr || d instanceof OrDescr || d instanceof NotDescr || d instanceof ExistsDescr
                || d instanceof ForallDescr) {
            for (Object child : ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs()) {
                vet((BaseDescr) child);
            }
        } else if (d instanceof PatternDescr p) {
            pattern(p);
        } else if (d instanceof EvalDescr e) {
            expression(e, String.valueOf(e.getContent()));
        } else {
            report.add(at(d), d.getText() == null ? d.getClass().getSimpleName() : d.getText(),
                    "This kind of condition is not needed by the policies. Conditions are patterns of facts, with and, or,"
                            + " not, exists, forall, eval, from and accumulate (count, sum, min, max, average).");
        }
    }

    private void pattern(PatternDescr p) {
        PatternSourceDescr source = p.getSource();
        boolean result = source instanceof AccumulateDescr || source instanceof CollectDescr;
        if (!allowed.isFact(p.getObjectType()) && !(result && RESULT_TYPES.contains(p.getObjectType()))) {
            report.add(at(p), p.getObjectType(), "A pattern matches one of the fact types (SeasonFact, CommandFact,"
                    + " RegistrationFact, ChildFact, SchoolFact, ...), as rule-allow-list.txt lists them.");
            return;
        }
        if (p.getIdentifier() != null) {
            bindings.put(p.getIdentifier(), p.getObjectType());
            names.add(p.getIdentifier());
        }
        for (BaseDescr c : p.getDescrs()) {
            if (c instanceof ExprConstraintDescr e) {
                expression(e, e.getExpression());
            } else {
                report.add(at(c), String.valueOf(c.getText()), "A constraint compares fact properties with values.");
            }
        }
        if (source == null) {
            return;
        }
        if (source instanceof AccumulateDescr a) {
            accumulate(a);
        } else if (source instanceof CollectDescr c) {
            vet(c.getInputPattern());
        } else if (source instanceof FromDescr f) {
            expression(f, f.getExpression());
        } else {
            report.add(at(source), String.valueOf(source.getText()), "Facts come from the library only: match them"
                    + " with patterns, from an expression, accumulate or collect.");
        }
    }

    private void accumulate(AccumulateDescr a) {
        if (a.getInitCode() != null || a.getActionCode() != null || a.getResultCode() != null) {
            report.add(at(a), "init(", "An accumulate uses the built-in functions (count, sum, min, max, average), not code of its own.");
            return;
        }
        vet(a.getInput());
        for (AccumulateDescr.AccumulateFunctionCallDescr f : a.getFunctions()) {
            if (!ACCUMULATE_FUNCTIONS.contains(f.getFunction())) {
                report.add(at(a), f.getFunction() + "(", "The accumulate functions are: " + String.join(", ", ACCUMULATE_FUNCTIONS) + ".");
            }
            for (String param : f.getParams()) {
                expression(a, param);
            }
            if (f.getBind() != null) {
                names.add(f.getBind());
            }
        }
    }

    private void expression(BaseDescr where, String text) {
        report.check(at(where), () -> {
            DrlxExpression parsed = DrlxParser.parseExpression(DrlxParser.buildDrlxParserWithArguments(List.of()), text);
            parsed.findAll(DrlxExpression.class).forEach(d -> {
                if (d.getBind() != null) {
                    names.add(d.getBind().asString());
                }
            });
            return new JavaCheck(allowed, functions, names, false).check(parsed);
        });
    }

    /** Where to start looking for a problem: the descr's line, or the rule's when the descr has none. */
    private BaseDescr at(BaseDescr d) {
        return d != null && d.getLine() > 0 ? d : rule;
    }
}
