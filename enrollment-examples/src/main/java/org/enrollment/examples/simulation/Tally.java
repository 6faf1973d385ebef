package org.enrollment.examples.simulation;

import java.util.EnumMap;
import java.util.Map;
import org.enrollment.core.command.CommandKind;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.ReasonCode;

/** What was played (演练统计): commands by kind, outcomes, refusals by district and reason. */
final class Tally {
    long commands;
    long accepted;
    final Map<CommandKind, Long> byKind = new EnumMap<>(CommandKind.class);
    /** Refusals by district (the last row: no district) and reason. */
    final long[][] refusals;

    /** An empty tally for a city of {@code districts} districts. */
    Tally(int districts) {
        refusals = new long[districts + 1][ReasonCode.values().length];
    }

    /** Counts one command of {@code kind} and its decision, a refusal for {@code district} (-1: none). */
    void count(CommandKind kind, Decision d, int district) {
        commands++;
        byKind.merge(kind, 1L, Long::sum);
        if (d.isAccepted()) {
            accepted++;
        } else {
            long[] row = refusals[district < 0 ? refusals.length - 1 : district];
            d.reasonCodes().forEach(r -> row[r.ordinal()]++);
        }
    }
}
