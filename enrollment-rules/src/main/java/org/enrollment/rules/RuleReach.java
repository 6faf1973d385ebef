package org.enrollment.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.AlphaNodeFieldConstraint;
import org.drools.base.rule.constraint.Constraint;
import org.drools.core.common.DefaultFactHandle;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Which rules a question's facts can start at all (规则可达), read once from the compiled rule base: for each rule,
 * the facts its conditions need before anything else can happen (a top-level pattern, or one under
 * {@code exists}, of a type the question gives, with the pattern's own constraints, those that read nothing but
 * the fact). When no rule of the rule set has every such fact among a question's facts, no rule can be
 * activated, nothing can be inserted, and no rule can ever fire: the session is not needed. A rule whose
 * conditions this does not understand (top-level {@code or}, no such pattern, a constraint that fails to
 * evaluate) counts as one that can fire, so the answer is never "no" wrongly; it is "yes" when in doubt.
 *
 * <p>Immutable, safe for any number of threads.
 */
final class RuleReach {

    /** The facts one rule needs; an empty list for a rule that may fire with any facts. */
    private final List<List<Need>> rules;

    private RuleReach(List<List<Need>> rules) {
        this.rules = List.copyOf(rules);
    }

    /** What the rules of this rule base need, for the fact types a question can give. */
    static RuleReach of(KieBase kieBase, Set<Class<?>> questionTypes) {
        List<List<Need>> rules = new ArrayList<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                if (!(r instanceof RuleImpl rule)) {
                    rules.add(List.of());
                } else if (!rule.isQuery()) {
                    rules.add(needs(rule.getLhs(), questionTypes));
                }
            }
        }
        return new RuleReach(rules);
    }

    /** Whether some rule can be activated by these facts (all of them: a question's facts, nothing else). */
    boolean canFire(List<Object> facts) {
        for (List<Need> rule : rules) {
            if (rule.stream().allMatch(n -> n.metBy(facts))) {
                return true;
            }
        }
        return false;
    }

    private static List<Need> needs(GroupElement lhs, Set<Class<?>> questionTypes) {
        if (!lhs.isAnd()) {
            return List.of();
        }
        List<Need> needs = new ArrayList<>();
        for (RuleConditionElement e : lhs.getChildren()) {
            if (e instanceof Pattern p) {
                need(p, questionTypes, needs);
            } else if (e instanceof GroupElement g && g.isExists()) {
                for (RuleConditionElement inside : g.getChildren()) {
                    if (inside instanceof Pattern p) {
                        need(p, questionTypes, needs);
                    } else if (inside instanceof GroupElement and && and.isAnd()) {
                        and.getChildren().stream().filter(Pattern.class::isInstance).forEach(c -> need((Pattern) c, questionTypes, needs));
                    }
                }
            }
        }
        return needs;
    }

    /** A pattern matched on facts of the working memory, of a type the question gives, is a need. */
    private static void need(Pattern p, Set<Class<?>> questionTypes, List<Need> needs) {
        if (p.getSource() != null || !(p.getObjectType() instanceof ClassObjectType type) || !questionTypes.contains(type.getClassType())) {
            return;
        }
        List<AlphaNodeFieldConstraint> own = new ArrayList<>();
        for (Constraint c : p.getConstraints()) {
            if (c.getType() == Constraint.ConstraintType.ALPHA && c instanceof AlphaNodeFieldConstraint alpha) {
                own.add(alpha);
            }
        }
        needs.add(new Need(type.getClassType(), List.copyOf(own)));
    }

    /**
     * One fact a rule needs: of this type, passing these constraints.
     *
     * @param type the fact's type
     * @param constraints the pattern's constraints that read the fact alone
     */
    private record Need(Class<?> type, List<AlphaNodeFieldConstraint> constraints) {

        boolean metBy(List<Object> facts) {
            for (Object f : facts) {
                if (type.isInstance(f) && passes(f)) {
                    return true;
                }
            }
            return false;
        }

        private boolean passes(Object fact) {
            DefaultFactHandle handle = new DefaultFactHandle(fact);
            for (AlphaNodeFieldConstraint c : constraints) {
                try {
                    if (!c.isAllowed(handle, null)) {
                        return false;
                    }
                } catch (RuntimeException e) {
                    return true;
                }
            }
            return true;
        }
    }
}
