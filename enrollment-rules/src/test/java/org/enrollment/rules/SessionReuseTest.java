package org.enrollment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enrollment.rules.Fixtures.AFTER_CLOSE;
import static org.enrollment.rules.Fixtures.DAY_SCHOOL;
import static org.enrollment.rules.Fixtures.HAIDIAN;
import static org.enrollment.rules.Fixtures.SIX_DAY_AFTER_CUTOFF;
import static org.enrollment.rules.Fixtures.SIX_ON_CUTOFF;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.CommandKind;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.policy.PolicyQuestion;
import org.enrollment.core.policy.PolicyVerdict;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registration.Document;
import org.enrollment.core.registration.Route;
import org.enrollment.core.registration.Step;
import org.junit.jupiter.api.Test;

/**
 * Judgements reuse pooled sessions: nothing of one judgement (facts, activations, the verdict it filled) may
 * reach the next, on one thread or many.
 */
class SessionReuseTest {

    private static final DroolsPolicyEngine DROOLS = DroolsPolicyEngine.shipped();

    /** Questions refused and accepted for different reasons, so that a leftover fact would change a verdict. */
    private static List<PolicyQuestion> questions() {
        return List.of(
                Ask.register(SIX_ON_CUTOFF, HAIDIAN, DAY_SCHOOL).question(),
                Ask.register(SIX_DAY_AFTER_CUTOFF, HAIDIAN, DAY_SCHOOL).question(),
                Ask.register(SIX_ON_CUTOFF, HAIDIAN, DAY_SCHOOL).at(AFTER_CLOSE).question(),
                Ask.step(CommandKind.TICK, Actor.school(DAY_SCHOOL.code()),
                        Fixtures.registration(SIX_ON_CUTOFF, HAIDIAN, DAY_SCHOOL, Route.ONLINE, Step.VERIFY_PASS))
                        .placesTaken(DAY_SCHOOL.plan()).question(),
                Ask.verify(Fixtures.registration(SIX_ON_CUTOFF, HAIDIAN, DAY_SCHOOL, Route.ONLINE), true, Document.HUKOU).question());
    }

    @Test
    void eachQuestionGetsTheReferenceVerdictHoweverManyJudgementsCameBeforeInterleaved() {
        List<PolicyQuestion> questions = questions();
        ReferencePolicies reference = new ReferencePolicies();
        List<List<ReasonCode>> expected = questions.stream().map(q -> codes(reference.judge(q))).toList();
        assertThat(expected).doesNotHaveDuplicates();
        List<PolicyVerdict> first = questions.stream().map(DROOLS::judge).toList();
        for (int round = 0; round < 50; round++) {
            for (int i = 0; i < questions.size(); i++) {
                PolicyVerdict v = DROOLS.judge(questions.get(i));
                assertThat(codes(v)).as("question %d, round %d", i, round).isEqualTo(expected.get(i));
                assertThat(v).isEqualTo(first.get(i));
            }
        }
    }

    @Test
    void fourThreadsJudgingAtOnceEachGetTheVerdictOfTheirOwnQuestion() throws Exception {
        List<PolicyQuestion> questions = questions();
        List<PolicyVerdict> alone = questions.stream().map(DROOLS::judge).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                done.add(pool.submit(() -> {
                    int judged = 0;
                    for (int n = 0; n < 500; n++) {
                        int i = (n + offset) % questions.size();
                        assertThat(DROOLS.judge(questions.get(i))).isEqualTo(alone.get(i));
                        judged++;
                    }
                    return judged;
                }));
            }
            for (Future<Integer> f : done) {
                assertThat(f.get()).isEqualTo(500);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<ReasonCode> codes(PolicyVerdict v) {
        return v.reasons().stream().map(r -> r.code()).toList();
    }
}
