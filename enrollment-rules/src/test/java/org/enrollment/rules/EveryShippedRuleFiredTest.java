package org.enrollment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Fails the build when a shipped rule is not fired by its own test, or has no test of its own. It runs each
 * rule's test itself, so it holds whether it runs alone or after the other classes.
 */
class EveryShippedRuleFiredTest {

    private static final List<Class<?>> POLICY_TESTS = List.of(EligibilityPolicyTest.class, DistrictUniquenessPolicyTest.class,
            BoardingWithdrawalPolicyTest.class, SchoolPlanPolicyTest.class, CoBuildExemptionPolicyTest.class);

    @Test
    void everyShippedRuleIsFiredByItsOwnTest() throws ReflectiveOperationException {
        Set<String> notFiredByItsTest = new TreeSet<>();
        for (Class<?> c : POLICY_TESTS) {
            for (Method m : c.getDeclaredMethods()) {
                RuleTest t = m.getAnnotation(RuleTest.class);
                if (t == null) {
                    continue;
                }
                Set<String> before = FiredRules.soFar();
                FiredRules.forget(t.value());
                var constructor = c.getDeclaredConstructor();
                constructor.setAccessible(true);
                m.setAccessible(true);
                m.invoke(constructor.newInstance());
                if (!FiredRules.soFar().contains(t.value())) {
                    notFiredByItsTest.add(t.value());
                }
                FiredRules.record(before);
            }
        }
        Set<String> untested = new TreeSet<>(FiredRules.shipped().ruleNames());
        untested.removeAll(FiredRules.soFar());
        assertThat(notFiredByItsTest).as("shipped rules their own test does not fire").isEmpty();
        assertThat(untested).as("shipped rules no test fired").isEmpty();
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
