package org.enrollment.core.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.enrollment.core.child.MaskedText;

/**
 * What the audit log records of one command, accepted or refused, before it gets its place in the chain:
 * who acted, what was decided and every fact that decided it. It holds no raw resident ID: children are named
 * by a keyed hash ({@link ChildReference}), and what an accepted command wrote is sealed ({@link StateSeal}).
 *
 * @param at when the command was judged
 * @param actor who gave it, in written form
 * @param operator the host's id of the person who acted (at the school, the district), or empty
 * @param command the command's name, e.g. {@code register}
 * @param targets the pre-registration numbers it acted on (or would have)
 * @param children keyed hashes of the children it concerned
 * @param outcome {@code ACCEPTED} or {@code REFUSED}
 * @param reasons the reason codes
 * @param rulesFired the names of the policy rules that fired
 * @param detail what the judgement noted: a list's content hash, a reason given; may be empty
 * @param facts the facts the command gave that decided it: a verification's result and documents, a boarding
 *              decision, what an amendment changes; may be empty
 * @param ruleSet the fingerprint of the rule set that judged it, or empty
 * @param season the fingerprint of the season's parameters, or empty
 * @param seal what seals the written state; {@code null} to record none
 * @param state the {@link WrittenState} of an accepted command, sealed when the entry's body is first built
 *              ({@link SealedState}), or {@link SealedState#NONE}
 */
public record AuditRecord(Instant at, String actor, String operator, String command, List<String> targets, List<String> children,
                          String outcome, List<String> reasons, List<String> rulesFired, String detail, String facts,
                          String ruleSet, String season, StateSeal seal, SealedState state) {

    /**
     * The one record handed to a trail that keeps none ({@link AuditTrail#keepsRecords()}): made once, never
     * written, standing for every command's.
     */
    public static final AuditRecord UNKEPT = new AuditRecord(Instant.EPOCH, "", "", List.of(), List.of(), "", List.of(), List.of(), "");

    /** Validates and freezes. */
    public AuditRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(ruleSet, "ruleSet");
        Objects.requireNonNull(season, "season");
        Objects.requireNonNull(state, "state");
        targets = List.copyOf(targets);
        children = List.copyOf(children);
        reasons = List.copyOf(reasons);
        rulesFired = List.copyOf(rulesFired);
    }

    /** A record with no operator, facts, fingerprints or state. */
    public AuditRecord(Instant at, String actor, String command, List<String> targets, List<String> children,
                       String outcome, List<String> reasons, List<String> rulesFired, String detail) {
        this(at, actor, "", command, targets, children, outcome, reasons, rulesFired, detail, "", "", "", null, SealedState.NONE);
    }

    /**
     * The record of a command whose change was written: the pre-registration numbers it acted on, and what it
     * wrote, to be sealed when the body is first built (when the record has a seal). {@link #UNKEPT} stays itself:
     * nothing is kept of what a command wrote either.
     */
    public AuditRecord written(WrittenState written) {
        if (this == UNKEPT) {
            return this;
        }
        List<String> numbers = written.registrations().stream().map(r -> r.number().value()).toList();
        SealedState sealed = seal == null || written.isEmpty() ? SealedState.NONE : SealedState.of(seal, written);
        return new AuditRecord(at, actor, operator, command, numbers, children, outcome, reasons, rulesFired, detail, facts,
                ruleSet, season, seal, sealed);
    }

    /**
     * Writes the canonical JSON body of the entry with this sequence number, without its hash, in UTF-8 after what
     * {@code out} holds.
     */
    void body(Utf8Out out, long sequence) {
        String sealed = state.text();
        out.ascii("{\"seq\":").number(sequence);
        field(out, "at", at.toString());
        field(out, "actor", actor);
        optional(out, "operator", operator);
        field(out, "command", command);
        list(out, "targets", targets);
        list(out, "children", children);
        field(out, "outcome", outcome);
        list(out, "reasons", reasons);
        list(out, "rules", rulesFired);
        field(out, "detail", detail);
        optional(out, "facts", facts);
        optional(out, "ruleset", ruleSet);
        optional(out, "season", season);
        optional(out, "key", seal == null ? "" : seal.keyId());
        optional(out, "state", sealed);
        out.ascii('}');
    }

    private static void field(Utf8Out out, String name, String value) {
        Json.string(out.ascii(",\"").ascii(name).ascii("\":"), value);
    }

    private static void list(Utf8Out out, String name, List<String> values) {
        Json.strings(out.ascii(",\"").ascii(name).ascii("\":"), values);
    }

    private static void optional(Utf8Out out, String name, String value) {
        if (!value.isEmpty()) {
            field(out, name, value);
        }
    }

    /** The record's usual form, resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
