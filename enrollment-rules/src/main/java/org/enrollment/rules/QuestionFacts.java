package org.enrollment.rules;

import java.util.List;
import org.enrollment.core.policy.PolicyQuestion;
import org.enrollment.core.registration.Document;
import org.enrollment.core.registration.NewRegistration;
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
import org.kie.api.runtime.rule.EntryPoint;

/** Turns a {@link PolicyQuestion} into the plain facts the policy files match on. */
final class QuestionFacts {

    private QuestionFacts() {
    }

    /** Inserts the question's facts: only those that apply to its command (no lambda captured per judgement). */
    static void insert(PolicyQuestion q, EntryPoint session) {
        session.insert(SeasonFact.of(q.season()));
        session.insert(new CommandFact(q.kind(), q.actor().kind(), q.actor().id(), q.at(), resultOf(q)));
        session.insert(SchoolFact.of(q.school(), q.placesTaken()));
        if (q.target().isPresent()) {
            session.insert(RegistrationFact.of(Role.TARGET, q.target().get(), true));
        }
        if (q.proposed().isPresent()) {
            NewRegistration p = q.proposed().get();
            session.insert(RegistrationFact.proposed(p));
            session.insert(ChildFact.of(p.child()));
        }
        List<Registration> history = q.childHistory();
        for (int i = 0; i < history.size(); i++) {
            session.insert(RegistrationFact.of(Role.EARLIER, history.get(i), i == history.size() - 1));
        }
        for (Document d : q.documents()) {
            session.insert(new ShownDocument(d));
        }
        if (q.coBuild().isPresent()) {
            PolicyQuestion.CoBuild coBuild = q.coBuild().get();
            session.insert(CoBuildFact.of(coBuild, q.school().code()));
            for (PolicyQuestion.Candidate c : coBuild.candidates()) {
                session.insert(ListedChildFact.of(c));
                session.insert(ChildFact.of(c.child()));
            }
        }
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
