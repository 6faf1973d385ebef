package org.enrollment.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enrollment.core.command.ReasonCode.INVALID_RESIDENT_ID;
import static org.enrollment.core.command.ReasonCode.NOT_AUTHORIZED;
import static org.enrollment.core.command.ReasonCode.UNKNOWN_SCHOOL;

import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.Reason;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.Withdraw;
import org.enrollment.core.fixture.ChildIds;
import org.enrollment.core.fixture.Desk;
import org.enrollment.core.fixture.ScenarioSeason;
import org.enrollment.core.policy.ReferencePolicies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a refusal shows of hostile text: a resident ID masked wherever it was typed (even into an actor), and
 * control characters, line breaks and lone surrogates escaped, so that a message, and the log line that quotes
 * it, stays one line.
 */
class MaskedMessagesTest {

    private static final String T = "2014-05-06T09:00:00+08:00";
    private static final String CHILD = ChildIds.eligible("110108", 1);

    private Desk desk;

    @BeforeEach
    void openTheSeason() {
        desk = new Desk(ScenarioSeason.plain(), new ReferencePolicies());
        desk.clock().set(T);
        desk.register(CHILD, "110108", "110108", "HD001");
    }

    @Test
    void masksAResidentIdTypedAsAnActorsIdInTheMessageAndTheAuditEntry() {
        Decision d = desk.refused(T, "COBUILD:" + CHILD, new Withdraw(CHILD), NOT_AUTHORIZED);

        assertThat(d.reasons().get(0).messageEn()).startsWith("COBUILD:" + ResidentId.mask(CHILD) + " may not withdraw");
        assertThat(d.reasons().get(0).messageZh()).doesNotContain(CHILD);
        assertThat(desk.lastAuditEntry().body()).contains("\"actor\":\"COBUILD:" + ResidentId.mask(CHILD) + "\"").doesNotContain(CHILD);
    }

    @Test
    void showsAResidentIdWithALineBreakMaskedAndEscapedOnOneLine() {
        Decision d = desk.refused(T, "GUARDIAN", new Withdraw(CHILD + "\n"), INVALID_RESIDENT_ID);

        assertOneCleanLine(d.reasons().get(0));
        assertThat(d.reasons().get(0).messageEn()).contains(CHILD.substring(15) + "\\u000a").doesNotContain(CHILD);
    }

    @Test
    void cutsAnOversizedValueAndEscapesALoneSurrogate() {
        Decision d = desk.refused(T, "GUARDIAN", new Register(CHILD, "小明", "110108", "110108", "\uD800" + "S".repeat(59), null),
                UNKNOWN_SCHOOL);

        assertOneCleanLine(d.reasons().get(0));
        assertThat(d.reasons().get(0).messageEn()).contains("'\\ud800" + "S".repeat(39) + "…'");
    }

    private static void assertOneCleanLine(Reason reason) {
        for (String message : new String[] {reason.messageEn(), reason.messageZh()}) {
            assertThat(message.codePoints()).noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE);
        }
    }
}
