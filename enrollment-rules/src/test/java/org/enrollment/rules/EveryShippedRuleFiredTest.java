package org.enrollment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test class (see {@code junit-platform.properties}): fails the build when a shipped
 * rule was never fired by the suite, or has no test of its own. Run alone, it has nothing recorded and fails.
 */
@Order(Integer.MAX_VALUE)
class EveryShippedRuleFiredTest {

    private static final List<Class<?>> POLICY_TESTS = List.of(EligibilityPolicyTest.class, DistrictUniquenessPolicyTest.class,
            BoardingWithdrawalPolicyTest.class, SchoolPlanPolicyTest.class, CoBuildExemptionPolicyTest.class);

    @Test
    void everyShippedRuleFiredSomewhereInTheTestSuite() {
        Set<String> neverFired = new TreeSet<>(FiredRules.shipped().ruleNames());
        neverFired.removeAll(FiredRules.soFar());
        assertThat(neverFired).as("shipped rules no test fired (fired: %s)", FiredRules.soFar()).isEmpty();
    }

    @Test
    void everyShippedRuleHasExactlyOneTestNamedAfterIt() {
        List<String> tested = new ArrayList<>();
        for (Class<?> c : POLICY_TESTS) {
            for (Method m : c.getDeclaredMethods()) {
                RuleTest t = m.getAnnotation(RuleTest.class);
                if (t != null) {
                    tested.add(t.value());
                    assertThat(m.getName().toLowerCase()).as("test of \"%s\"", t.value())
                            .startsWith(t.value().replaceAll("[^A-Za-z]", "").toLowerCase().substring(0, 8));
                }
            }
        }
        assertThat(tested).containsExactlyInAnyOrderElementsOf(FiredRules.shipped().ruleNames());
    }
}
