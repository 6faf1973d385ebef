package org.enrollment.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.drools.mvel.parser.ast.expr.BigDecimalLiteralExpr;
import org.drools.mvel.parser.ast.expr.BigIntegerLiteralExpr;
import org.drools.mvel.parser.ast.expr.DrlxExpression;
import org.drools.mvel.parser.ast.expr.HalfBinaryExpr;
import org.drools.mvel.parser.ast.expr.HalfPointFreeExpr;
import org.drools.mvel.parser.ast.expr.InlineCastExpr;
import org.drools.mvel.parser.ast.expr.ListCreationLiteralExpression;
import org.drools.mvel.parser.ast.expr.ListCreationLiteralExpressionElement;
import org.drools.mvel.parser.ast.expr.NullSafeFieldAccessExpr;
import org.drools.mvel.parser.ast.expr.NullSafeMethodCallExpr;
import org.drools.mvel.parser.ast.expr.PointFreeExpr;
import org.drools.mvel.parser.ast.expr.TemporalChunkExpr;
import org.drools.mvel.parser.ast.expr.TemporalLiteralExpr;
import org.drools.mvel.parser.printer.PrintUtil;

/**
 * Checks the Java a rule file holds (a condition's expression, a function's body, the arguments of a
 * consequence's calls) against the {@link RuleAllowList}: fact properties, bound variables, enum constants,
 * literals, comparisons, arithmetic, {@code java.time} and the listed calls; no loops, no {@code new}, no
 * lambdas, no reflection. The first thing outside that is the finding.
 */
final class JavaCheck {

    static final String SEE = "\nMaybe use what rule-allow-list.txt lists: fact properties, bound variables ($name),"
            + " enum constants, literals, comparisons, java.time arithmetic and the listed calls.";

    private static final Set<Class<? extends Node>> PLAIN = Set.of(BinaryExpr.class, UnaryExpr.class, EnclosedExpr.class,
            ConditionalExpr.class, SimpleName.class, Name.class, PrimitiveType.class, DrlxExpression.class,
            PointFreeExpr.class, HalfBinaryExpr.class, HalfPointFreeExpr.class, TemporalLiteralExpr.class,
            BigDecimalLiteralExpr.class, BigIntegerLiteralExpr.class, ListCreationLiteralExpression.class,
            ListCreationLiteralExpressionElement.class);
    private static final Set<Class<? extends Node>> STATEMENTS = Set.of(BlockStmt.class, ExpressionStmt.class,
            ReturnStmt.class, IfStmt.class, EmptyStmt.class, VariableDeclarationExpr.class, VariableDeclarator.class,
            AssignExpr.class);
    private static final Set<String> NAMES = Set.of("this", "null", "true", "false");

    private final RuleAllowList allowed;
    private final Set<String> functions;
    private final Set<String> locals = new HashSet<>();
    private final boolean statements;

    /**
     * A check of one expression or body.
     *
     * @param functions the functions the package declares, which it may call
     * @param locals the names in scope besides fact properties and bound {@code $} variables
     * @param statements whether statements (a function's body) are allowed, or only an expression
     */
    JavaCheck(RuleAllowList allowed, Set<String> functions, Set<String> locals, boolean statements) {
        this.allowed = allowed;
        this.functions = functions;
        this.locals.addAll(locals);
        this.statements = statements;
    }

    /** The first thing in the node (pre-order) outside what rules may use. */
    Optional<Finding> check(Node root) {
        root.findAll(VariableDeclarator.class).forEach(v -> locals.add(v.getNameAsString()));
        List<Node> nodes = new ArrayList<>();
        preOrder(root, nodes);
        for (Node n : nodes) {
            Optional<Finding> f = checkOne(n);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    /**
     * The node and all below it, parents first. The DRL's own nodes (a binding, {@code in}, {@code matches}, an
     * inline cast, {@code ?.}) do not list their children as Java's do: they are taken apart here.
     */
    private static void preOrder(Node n, List<Node> out) {
        out.add(n);
        List<Node> children = new ArrayList<>();
        if (n instanceof DrlxExpression d) {
            children.add(d.getExpr());
        } else if (n instanceof PointFreeExpr p) {
            children.add(p.getLeft());
            children.addAll(p.getRight());
            Stream.of(p.getArg1(), p.getArg2(), p.getArg3(), p.getArg4()).filter(Objects::nonNull).forEach(children::add);
        } else if (n instanceof HalfPointFreeExpr p) {
            children.addAll(p.getRight());
            Stream.of(p.getArg1(), p.getArg2(), p.getArg3(), p.getArg4()).filter(Objects::nonNull).forEach(children::add);
        } else if (n instanceof InlineCastExpr c) {
            children.add(c.getType());
            children.add(c.getExpression());
        } else if (n instanceof NullSafeFieldAccessExpr f) {
            children.add(f.getScope());
        } else if (n instanceof NullSafeMethodCallExpr m) {
            m.getScope().ifPresent(children::add);
            children.addAll(m.getArguments());
        } else if (n instanceof ListCreationLiteralExpression l) {
            children.addAll(l.getExpressions());
        } else if (n instanceof ListCreationLiteralExpressionElement e) {
            children.add(e.getValue());
        } else {
            children.addAll(n.getChildNodes());
        }
        children.forEach(c -> preOrder(c, out));
    }

    private Optional<Finding> checkOne(Node n) {
        if (n instanceof ForStmt || n instanceof ForEachStmt || n instanceof WhileStmt || n instanceof DoStmt) {
            return found(n, n instanceof DoStmt ? "do" : n instanceof WhileStmt ? "while" : "for",
                    "Loops are not allowed. A rule looks at the facts that match its patterns; to look at several facts,"
                            + " match them with a pattern each, or with exists, not or accumulate.");
        }
        if (n instanceof LiteralExpr || PLAIN.contains(n.getClass()) || statements && STATEMENTS.contains(n.getClass())) {
            return Optional.empty();
        }
        if (n instanceof NameExpr name) {
            return name(name, name.getNameAsString());
        }
        if (n instanceof MethodCallExpr call) {
            return call(call, call.getScope(), call.getNameAsString());
        }
        if (n instanceof NullSafeMethodCallExpr call) {
            return call(call, call.getScope(), call.getNameAsString());
        }
        if (n instanceof FieldAccessExpr field) {
            return field(field, field.getScope(), field.getNameAsString());
        }
        if (n instanceof NullSafeFieldAccessExpr field) {
            return field(field, field.getScope(), field.getNameAsString());
        }
        if (n instanceof ClassOrInterfaceType type) {
            return type(type, type.getNameWithScope());
        }
        if (n instanceof CastExpr || n instanceof InstanceOfExpr || n instanceof InlineCastExpr || n instanceof TemporalChunkExpr) {
            return Optional.empty();
        }
        if (n instanceof ObjectCreationExpr create) {
            return found(create, "new", "\"new " + create.getTypeAsString() + "(...)\" is not allowed here. Only a consequence"
                    + " makes objects, and only facts it inserts: insert(new WindowExemption(\"...\")).");
        }
        return found(n, null, kind(n) + " is not allowed in a rule file." + SEE);
    }

    private Optional<Finding> name(Node n, String name) {
        if (name.startsWith("$") || NAMES.contains(name) || locals.contains(name) || allowed.isProperty(name)
                || allowed.isType(name)) {
            return Optional.empty();
        }
        return found(n, name, "\"" + name + "\" is neither a fact property, a bound variable ($name) nor a type a rule"
                + " may name." + SEE);
    }

    private Optional<Finding> call(Node n, Optional<Expression> scope, String method) {
        if (scope.isEmpty()) {
            return functions.contains(method) || method.equals("eval") ? Optional.empty() : found(n, method, "Calling " + method
                    + "(...) is not allowed: a rule calls only the functions its package declares, the fact properties and"
                    + " the methods listed in rule-allow-list.txt.");
        }
        Expression s = scope.get();
        if (s instanceof NameExpr type && allowed.isType(type.getNameAsString()) && !locals.contains(type.getNameAsString())) {
            return allowed.isStaticCall(type.getNameAsString(), method) ? Optional.empty() : found(n, method,
                    type.getNameAsString() + "." + method + "(...) is not allowed. The static calls a rule may make are: "
                            + allowed.staticCalls() + ".");
        }
        if (s instanceof NameExpr other && !other.getNameAsString().startsWith("$") && !allowed.isType(other.getNameAsString())
                && !locals.contains(other.getNameAsString()) && !allowed.isProperty(other.getNameAsString())) {
            return found(n, other.getNameAsString(), "Calling " + PrintUtil.printNode(s) + "." + method
                    + "(...) is not allowed: " + other.getNameAsString() + " is not a type a rule may name."
                    + "\nMaybe use what rule-allow-list.txt lists: java.time types, the fact types and the core enums.");
        }
        return allowed.isMethod(method) ? Optional.empty() : found(n, method, "Calling ." + method
                + "(...) is not allowed: on a value a rule calls only the fact properties and the java.time, text and"
                + " enum methods listed in rule-allow-list.txt.");
    }

    private Optional<Finding> field(Node n, Expression scope, String field) {
        if (scope instanceof NameExpr type && allowed.isType(type.getNameAsString())) {
            return Optional.empty();
        }
        return allowed.isProperty(field) || allowed.isMethod("get" + Character.toUpperCase(field.charAt(0)) + field.substring(1))
                ? Optional.empty()
                : found(n, field, "\"." + field + "\" is not a property a rule may read: the fact properties and the"
                        + " java.time values' (year, monthValue, dayOfMonth, ...) are." + SEE);
    }

    private Optional<Finding> type(Node n, String type) {
        return allowed.isType(type) || type.equals("String") ? Optional.empty() : found(n, type, "The type " + type
                + " is not one a rule may name: the fact types, the core enums and java.time types (rule-allow-list.txt).");
    }

    private static String kind(Node n) {
        String simple = n.getClass().getSimpleName().replaceAll("(Expr|Stmt|Expression|Statement)$", "");
        return switch (simple) {
            case "Lambda" -> "A lambda";
            case "MethodReference" -> "A method reference";
            case "Class" -> "Reflection (.class)";
            case "Try", "Throw" -> "Throwing or catching exceptions";
            case "Synchronized" -> "Synchronizing";
            case "ArrayCreation", "ArrayInitializer" -> "Making arrays";
            case "Modify" -> "modify { ... }";
            default -> "This (" + simple + ")";
        };
    }

    private static Optional<Finding> found(Node n, String key, String message) {
        return Optional.of(new Finding(PrintUtil.printNode(n), key, message));
    }

    /**
     * Something a rule file may not do.
     *
     * @param text the offending text as the parser printed it
     * @param key a word of it to find it by in the file, or {@code null}
     * @param message what is wrong and what is allowed instead
     */
    record Finding(String text, String key, String message) {
    }
}
