package org.enrollment.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.enrollment.core.policy.PolicyQuestion;
import org.enrollment.core.registration.Document;
import org.enrollment.core.registration.Registration;
import org.enrollment.rules.facts.ChildFact;
import org.enrollment.rules.facts.CoBuildFact;
import org.enrollment.rules.facts.CommandFact;
import org.enrollment.rules.facts.ListedChildFact;
import org.enrollment.rules.facts.RegistrationFact;
import org.enrollment.rules.facts.Result;
import org.enrollment.rules.facts.Role;
import org.enrollment.rules.facts.SchoolFact;
import org.enrollment.rules.facts.SeasonFact;
import org.enrollment.rules.facts.ShownDocument;

/** Turns a {@link PolicyQuestion} into the plain facts the policy files match on. */
final class QuestionFacts {

    private QuestionFacts() {
    }

    /** Every type of fact a question gives (the rules may insert others, such as {@code WindowExemption}). */
    static final Set<Class<?>> TYPES = Set.of(SeasonFact.class, CommandFact.class, SchoolFact.class, RegistrationFact.class,
            ChildFact.class, ShownDocument.class, CoBuildFact.class, ListedChildFact.class);

    /** The question's facts, in the order they are inserted: only those that apply to its command. */
    static List<Object> of(PolicyQuestion q) {
        List<Registration> history = q.childHistory();
        List<Object> facts = new ArrayList<>(5 + history.size() + q.documents().size());
        facts.add(SeasonFact.of(q.season()));
        facts.add(new CommandFact(q.kind(), q.actor().kind(), q.actor().id(), q.at(), resultOf(q)));
        facts.add(SchoolFact.of(q.school(), q.placesTaken()));
        q.target().ifPresent(t -> facts.add(RegistrationFact.of(Role.TARGET, t, true)));
        q.proposed().ifPresent(p -> {
            facts.add(RegistrationFact.proposed(p));
            facts.add(ChildFact.of(p.child()));
        });
        for (int i = 0; i < history.size(); i++) {
            facts.add(RegistrationFact.of(Role.EARLIER, history.get(i), i == history.size() - 1));
        }
        for (Document d : q.documents()) {
            facts.add(new ShownDocument(d));
        }
        q.coBuild().ifPresent(coBuild -> {
            facts.add(CoBuildFact.of(coBuild, q.school().code()));
            for (PolicyQuestion.Candidate c : coBuild.candidates()) {
                facts.add(ListedChildFact.of(c));
                facts.add(ChildFact.of(c.child()));
            }
        });
        return facts;
    }

    /** The school's result a verify or boarding-decide gives, as the rules compare it; {@code null} for others. */
    private static Result resultOf(PolicyQuestion q) {
        if (q.verification().isPresent()) {
            return switch (q.verification().get()) {
                case PASS -> Result.PASS;
                case FAIL -> Result.FAIL;
            };
        }
        return q.boardingDecision().map(d -> switch (d) {
            case ADMIT -> Result.ADMIT;
            case REJECT -> Result.REJECT;
        }).orElse(null);
    }
}
