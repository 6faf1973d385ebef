package org.enrollment.examples;

import java.nio.file.Path;
import java.util.List;
import org.enrollment.core.policy.ReferencePolicies;

/** The reference policies in plain Java, standing in for the shipped rules in tests. */
final class ReferencePolicySource implements PolicySource {

    @Override
    public RuleSet shipped() {
        return new RuleSet(new ReferencePolicies(), List.of(), "reference policies");
    }

    @Override
    public RuleSet fromFolder(Path folder) {
        throw new RulesNotLoadedException(folder.toString(), List.of(folder + ": the reference policies load no folders"));
    }
}
