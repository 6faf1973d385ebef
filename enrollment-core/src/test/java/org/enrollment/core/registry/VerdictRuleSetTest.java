package org.enrollment.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enrollment.core.command.ReasonCode.DOCUMENTS_MISSING;
import static org.enrollment.core.command.ReasonCode.NOT_AUTHORIZED;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.enrollment.core.command.Reason;
import org.enrollment.core.command.Register;
import org.enrollment.core.fixture.ChildIds;
import org.enrollment.core.fixture.Desk;
import org.enrollment.core.fixture.ScenarioSeason;
import org.enrollment.core.policy.PolicyEngine;
import org.enrollment.core.policy.PolicyQuestion;
import org.enrollment.core.policy.PolicyVerdict;
import org.junit.jupiter.api.Test;

/**
 * Which rules an audit entry names (issue 11): those whose verdict decided the command, even when a reload swaps
 * other rules in between the judgement and the entry; the rules in force when nothing asked them.
 */
class VerdictRuleSetTest {

    private static final String T = "2014-05-06T09:00:00+08:00";

    /** Swaps its rules just after each judgement, as a reload that lands between a judgement and its entry would. */
    private static final class SwappedWhileJudging implements PolicyEngine {

        private final AtomicInteger generation = new AtomicInteger();
        private final boolean refuse;

        SwappedWhileJudging(boolean refuse) {
            this.refuse = refuse;
        }

        @Override
        public PolicyVerdict judge(PolicyQuestion question) {
            String judging = fingerprint();
            generation.incrementAndGet();
            List<Reason> reasons = refuse ? List.of(new Reason(DOCUMENTS_MISSING, "test: refuse", "缺少材料", "Documents missing")) : List.of();
            return new PolicyVerdict(reasons, List.of("test: judged")).judgedBy(judging);
        }

        @Override
        public String fingerprint() {
            return "rules-" + generation.get();
        }
    }

    @Test
    void anAcceptanceNamesTheRulesThatJudgedItNotTheOnesSwappedInSince() {
        Desk desk = new Desk(ScenarioSeason.plain(), new SwappedWhileJudging(false));
        desk.accepted(T, "GUARDIAN", register(1));
        assertThat(desk.lastAuditEntry().body()).contains("\"ruleset\":\"rules-0\"");
        desk.accepted(T, "GUARDIAN", register(2));
        assertThat(desk.lastAuditEntry().body()).contains("\"ruleset\":\"rules-1\"");
    }

    @Test
    void aRefusalByThePoliciesNamesTheRulesThatRefusedAndOneRefusedBeforeThemTheRulesInForce() {
        Desk desk = new Desk(ScenarioSeason.plain(), new SwappedWhileJudging(true));
        desk.refused(T, "GUARDIAN", register(1), DOCUMENTS_MISSING);
        assertThat(desk.lastAuditEntry().body()).contains("\"ruleset\":\"rules-0\"");
        desk.refused(T, "SCHOOL:HD001", register(2), NOT_AUTHORIZED);
        assertThat(desk.lastAuditEntry().body()).contains("\"ruleset\":\"rules-1\"");
    }

    private static Register register(int n) {
        return new Register(ChildIds.eligible(ScenarioSeason.HAIDIAN, n), "甲", ScenarioSeason.HAIDIAN, ScenarioSeason.HAIDIAN, "HD001", null);
    }
}
