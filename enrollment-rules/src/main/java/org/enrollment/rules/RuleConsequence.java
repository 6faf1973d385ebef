package org.enrollment.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drools.mvel.parser.MvelParser;
import org.drools.mvel.parser.ast.expr.ModifyStatement;
import org.drools.mvel.parser.printer.PrintUtil;
import org.enrollment.rules.JavaCheck.Finding;

/**
 * The vetting of a rule's consequence (结论): one statement after another, each {@code verdict.refuse(...)},
 * {@code verdict.advise(...)} or {@code insert(new <fact type>(...))}, their arguments literals, bound
 * variables, enum constants and what a condition may compute; {@code modify} and {@code update} only of a
 * fact type the allow-list marks modifiable.
 */
final class RuleConsequence {

    private static final String ALLOWED = "A consequence calls only verdict.refuse(ReasonCode.X, \"中文\", \"English\"),"
            + " verdict.advise(...) and insert(new <fact type>(...)), one statement each.";

    private final RuleAllowList allowed;
    private final Set<String> functions;
    private final Map<String, String> bindings;

    /**
     * @param bindings the variables the conditions bound to facts, each with its fact type
     */
    RuleConsequence(RuleAllowList allowed, Set<String> functions, Map<String, String> bindings) {
        this.allowed = allowed;
        this.functions = functions;
        this.bindings = bindings;
    }

    /** The first statement, or argument, outside what a consequence may do. */
    Optional<Finding> check(String consequence) {
        for (Statement s : MvelParser.parseBlock("{" + consequence + "\n}").getStatements()) {
            Optional<Finding> f = statement(s);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    private Optional<Finding> statement(Statement s) {
        if (s instanceof EmptyStmt) {
            return Optional.empty();
        }
        if (s instanceof ModifyStatement m) {
            return modifiable(m, m.getModifyObject()).or(() -> m.getExpressions().stream().map(this::setter)
                    .flatMap(Optional::stream).findFirst());
        }
        if (!(s instanceof ExpressionStmt e) || !(e.getExpression() instanceof MethodCallExpr call)) {
            return refused(s, ALLOWED);
        }
        String name = call.getNameAsString();
        Optional<Expression> scope = call.getScope();
        if (scope.isPresent() && scope.get() instanceof NameExpr n && n.getNameAsString().equals(RuleCompiler.VERDICT)
                && (name.equals("refuse") || name.equals("advise"))) {
            return arguments(call);
        }
        if (scope.isEmpty() && (name.equals("insert") || name.equals("insertLogical")) && call.getArguments().size() == 1
                && call.getArgument(0) instanceof ObjectCreationExpr create) {
            if (!allowed.isFact(create.getTypeAsString()) || create.getAnonymousClassBody().isPresent()) {
                return refused(create, "\"new " + create.getTypeAsString() + "(...)\": a consequence inserts only new facts"
                        + " of the fact types (WindowExemption, RequiredDocument, ...), as rule-allow-list.txt lists them.");
            }
            return arguments(create);
        }
        if (scope.isEmpty() && name.equals("update") && call.getArguments().size() == 1) {
            return modifiable(call, call.getArgument(0));
        }
        return refused(s, ALLOWED);
    }

    private Optional<Finding> modifiable(Node where, Expression target) {
        String type = target instanceof NameExpr n ? bindings.get(n.getNameAsString()) : null;
        return type != null && allowed.isModifiable(type) ? Optional.empty() : refused(where, "Facts of "
                + (type == null ? "this type" : type) + " may not be changed by a rule: a rule refuses, advises or inserts a"
                + " new fact.\nMaybe insert(new <fact type>(...)) what the other rules should see.");
    }

    private Optional<Finding> arguments(Node call) {
        for (Node child : call.getChildNodes()) {
            if (child instanceof Expression arg && !(child instanceof NameExpr n && n.getNameAsString().equals(RuleCompiler.VERDICT))) {
                Optional<Finding> f = new JavaCheck(allowed, functions, bindings.keySet(), false).check(arg);
                if (f.isPresent()) {
                    return f;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Finding> setter(Statement s) {
        return s instanceof ExpressionStmt e && e.getExpression() instanceof MethodCallExpr set && set.getScope().isEmpty()
                && set.getNameAsString().startsWith("set") ? arguments(set) : refused(s, "Inside modify, only setters: setX(value);");
    }

    private static Optional<Finding> refused(Node n, String message) {
        String text = PrintUtil.printNode(n);
        return Optional.of(new Finding(text, text.replaceFirst("^\\s*([\\w$]+).*", "$1").strip(), message));
    }
}
