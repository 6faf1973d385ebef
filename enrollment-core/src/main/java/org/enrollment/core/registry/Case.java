package org.enrollment.core.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.ChildCommand;
import org.enrollment.core.command.Command;
import org.enrollment.core.command.CommandKind;
import org.enrollment.core.command.Reason;
import org.enrollment.core.command.Register;
import org.enrollment.core.policy.PolicyQuestion;
import org.enrollment.core.policy.PolicyVerdict;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.season.School;
import org.enrollment.core.store.ChangeSet;

/**
 * One command being judged (案件): who gives it, what, when, and what judging has found so far (the child's
 * registrations, the target, the children for the audit log's references, the detail the entry keeps).
 * Judging fills it in the documented order and ends it with {@link #refuse} or {@link #afterPolicies}.
 */
final class Case {

    final Actor actor;
    final Command command;
    final CommandKind kind;
    final Instant at;
    final List<ResidentId> children = new ArrayList<>();
    /** The child a {@link ChildCommand} names, parsed once its input has passed; else {@code null}. */
    ResidentId child;
    List<Registration> history = List.of();
    Registration target;
    private final Judging judging;
    private String detail = "";

    Case(Judging judging, Actor actor, Command command, Instant at) {
        this.judging = judging;
        this.actor = actor;
        this.command = command;
        this.kind = command.kind();
        this.at = at;
    }

    /**
     * Step 1, input: the first problem, field by field in declaration order: a malformed value, or, for a
     * well-formed one, what the field names does not exist. A {@link ChildCommand}'s child is looked up here
     * and its latest registration kept as the target.
     */
    Reason firstProblem(Map<String, Supplier<Reason>> existence) {
        Map<String, Reason> malformed = judging.input().violations(command);
        for (String field : judging.input().fields(command)) {
            Reason r = malformed.get(field);
            if (r != null) {
                return r;
            }
            if (field.equals("child")) {
                r = lookUpChild();
            } else if (existence.containsKey(field)) {
                r = existence.get(field).get();
            }
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    private Reason lookUpChild() {
        String text = command instanceof ChildCommand c ? c.child() : null;
        if (text == null) {
            return null;
        }
        child = ResidentId.of(text);
        children.add(child);
        history = judging.store().ofChild(child);
        if (command instanceof Register) {
            return null;
        }
        if (history.isEmpty()) {
            return Reasons.unknownRegistration(child);
        }
        target = history.get(history.size() - 1);
        return null;
    }

    /** The facts every question to the policies has, at this school as the store holds it now. */
    PolicyQuestion.Occasion occasion(School school) {
        return new PolicyQuestion.Occasion(actor, at, judging.season(), school, judging.store().placesTaken(school.code()));
    }

    /** The registrations the command acts on: the target, if there is one. */
    List<Registration> concerned() {
        return target == null ? List.of() : List.of(target);
    }

    /** What the audit entry keeps beyond the command's kind and outcome. */
    void detail(String text) {
        detail = text;
    }

    Judgement refuse(Reason reason, List<Registration> concerned) {
        return Judgement.refused(reason, concerned, children, detail);
    }

    /** Step 4, the policies: refused with their refusals, or accepted with the changes and their advice. */
    Judgement afterPolicies(PolicyVerdict verdict, List<Registration> concerned, Supplier<ChangeSet> changes) {
        if (verdict.refuses()) {
            List<Reason> refusals = verdict.reasons().stream().filter(r -> !r.code().isAdvice()).toList();
            return Judgement.refused(verdict, refusals, concerned, children, detail);
        }
        return Judgement.accepted(changes.get(), verdict, concerned, children, detail);
    }
}
