package org.enrollment.examples;

import java.util.List;
import java.util.Objects;
import org.enrollment.core.policy.PolicyEngine;

/**
 * Policies ready to judge, with the names of all their rules (to tell which never fired).
 *
 * @param engine the policy engine
 * @param ruleNames the names of all rules, as {@code Decision.rulesFired()} quotes them
 * @param origin where the rules came from, for messages: "shipped rules" or the folder
 */
public record RuleSet(PolicyEngine engine, List<String> ruleNames, String origin) {

    /** Validates and freezes. */
    public RuleSet {
        Objects.requireNonNull(engine, "engine");
        ruleNames = List.copyOf(ruleNames);
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * The engine's {@linkplain PolicyEngine#fingerprint() fingerprint} of the rules in force, to tell which rules
     * judged (for Drools, the SHA-256 of the rule files: the shipped rules and a folder exported from them have the same).
     */
    public String fingerprint() {
        return engine.fingerprint();
    }
}
