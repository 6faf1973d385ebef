package org.enrollment.core.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the audit log records of one command, accepted or refused, before it gets its place in the chain.
 * It holds no raw resident ID: children are named by a keyed hash ({@link ChildReference}).
 *
 * @param at when the command was judged
 * @param actor who gave it, in written form
 * @param command the command's name, e.g. {@code register}
 * @param targets the pre-registration numbers it acted on (or would have)
 * @param children keyed hashes of the children it concerned
 * @param outcome {@code ACCEPTED} or {@code REFUSED}
 * @param reasons the reason codes
 * @param rulesFired the names of the policy rules that fired
 * @param detail anything else worth keeping: a list's content hash, a reason given; may be empty
 */
public record AuditRecord(Instant at, String actor, String command, List<String> targets, List<String> children,
                          String outcome, List<String> reasons, List<String> rulesFired, String detail) {

    /** Validates and freezes. */
    public AuditRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        targets = List.copyOf(targets);
        children = List.copyOf(children);
        reasons = List.copyOf(reasons);
        rulesFired = List.copyOf(rulesFired);
    }

    /** The same record acting on these pre-registration numbers. */
    public AuditRecord withTargets(List<String> newTargets) {
        return new AuditRecord(at, actor, command, newTargets, children, outcome, reasons, rulesFired, detail);
    }

    /** The canonical JSON body of the entry with this sequence number, without its hash. */
    String body(long sequence) {
        StringBuilder b = new StringBuilder(256);
        b.append("{\"seq\":").append(sequence).append(",\"at\":");
        Json.string(b, at.toString());
        b.append(",\"actor\":");
        Json.string(b, actor);
        b.append(",\"command\":");
        Json.string(b, command);
        b.append(",\"targets\":");
        Json.strings(b, targets);
        b.append(",\"children\":");
        Json.strings(b, children);
        b.append(",\"outcome\":");
        Json.string(b, outcome);
        b.append(",\"reasons\":");
        Json.strings(b, reasons);
        b.append(",\"rules\":");
        Json.strings(b, rulesFired);
        b.append(",\"detail\":");
        Json.string(b, detail);
        return b.append('}').toString();
    }
}
