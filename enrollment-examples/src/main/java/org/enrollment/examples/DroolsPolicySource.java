package org.enrollment.examples;

import java.nio.file.Path;
import java.util.List;
import org.enrollment.rules.DroolsPolicyEngine;
import org.enrollment.rules.RuleLoadException;
import org.enrollment.rules.RuleProblem;

/**
 * The Drools rules of {@code enrollment-rules}: the shipped ones, or a folder of edited rule files, each with the
 * engine's {@linkplain DroolsPolicyEngine#fingerprint() fingerprint} of its files.
 */
final class DroolsPolicySource implements PolicySource {

    @Override
    public RuleSet shipped() {
        DroolsPolicyEngine engine = DroolsPolicyEngine.shipped();
        return new RuleSet(engine, List.copyOf(engine.ruleNames()), "the shipped rules");
    }

    @Override
    public RuleSet fromFolder(Path folder) {
        DroolsPolicyEngine engine;
        try {
            engine = DroolsPolicyEngine.forReplay(folder); // the CLI never reloads: no warm-up for reloads
        } catch (RuleLoadException e) {
            throw new RulesNotLoadedException(folder.toString(), e.problems().stream().map(RuleProblem::toString).toList());
        }
        return new RuleSet(engine, List.copyOf(engine.ruleNames()), folder.toString());
    }
}
