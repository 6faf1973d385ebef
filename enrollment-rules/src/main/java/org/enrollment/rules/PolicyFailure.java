package org.enrollment.rules;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Reason;
import org.enrollment.core.command.ReasonCode;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * A judgement the rules could not finish (规则执行失败): a rule threw, the rules fired past the budget's limit,
 * or the judgement ran past its time. The command is refused with {@link ReasonCode#POLICY_FAILED}.
 *
 * @param rule the rule that failed (or fired most, or was firing when the time ran out); {@code ?} when unknown
 * @param what what happened, in English, e.g. {@code threw ArithmeticException: / by zero}
 * @param whatZh what happened, in Chinese
 */
record PolicyFailure(String rule, String what, String whatZh) {

    private static final Pattern RULE_NAMED = Pattern.compile("[Rr]ule[ :]+\"([^\"]+)\"|[Rr]ule name=([^,\\]]+)");

    PolicyFailure {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(whatZh, "whatZh");
    }

    /** A rule threw (or a condition did): the rule named by the exception, else the rule that fired last. */
    static PolicyFailure of(Throwable e, String lastFired) {
        String rule = ruleOf(e);
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + ResidentId.maskAll(root.getMessage()));
        return new PolicyFailure(rule != null ? rule : lastFired != null ? lastFired : "?", "threw " + what, "抛出异常 " + what);
    }

    /** The rules fired past the limit; the rule that fired most. */
    static PolicyFailure overLimit(String rule, int limit, int times) {
        return new PolicyFailure(rule, "the rules fired more than " + limit + " times, this rule " + times + " times;"
                + " maybe it inserts a fact that makes it match again", "规则触发超过 " + limit + " 次上限，本规则触发 " + times + " 次");
    }

    /** The judgement ran past its time; the rule that fired last. */
    static PolicyFailure overTime(String rule, Duration budget) {
        return new PolicyFailure(rule, "the judgement ran past its time budget of " + budget.toMillis() + " ms",
                "判定超过 " + budget.toMillis() + " 毫秒的时间预算");
    }

    private static String ruleOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConsequenceException c && c.getRule() != null) {
                return c.getRule().getName();
            }
            if (t.getMessage() != null) {
                Matcher m = RULE_NAMED.matcher(t.getMessage());
                if (m.find()) {
                    return m.group(1) != null ? m.group(1) : m.group(2).strip();
                }
            }
        }
        return null;
    }

    /** The refusal the host gets, naming the rule. */
    Reason reason() {
        return new Reason(ReasonCode.POLICY_FAILED, rule,
                "规则 \"" + rule + "\" 执行失败（" + whatZh + "），命令未被受理；请政策人员检查或回退规则文件。",
                "Rule \"" + rule + "\" failed (" + what + "); the command is refused. Policy staff should check or roll back the rule files.");
    }
}
