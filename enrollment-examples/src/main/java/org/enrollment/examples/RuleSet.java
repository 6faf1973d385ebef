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
 * @param fingerprint the SHA-256 (hex) of the rule files, names and bytes in name order, to tell which rules judged
 *        (the shipped rules and a folder exported from them have the same)
 */
public record RuleSet(PolicyEngine engine, List<String> ruleNames, String origin, String fingerprint) {

    /** Validates and freezes. */
    public RuleSet {
        Objects.requireNonNull(engine, "engine");
        ruleNames = List.copyOf(ruleNames);
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
