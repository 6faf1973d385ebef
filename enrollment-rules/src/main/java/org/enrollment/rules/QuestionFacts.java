package org.enrollment.rules;

import java.util.List;
import org.enrollment.core.command.CommandKind;
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
import org.kie.api.runtime.rule.EntryPoint;

/** Turns a {@link PolicyQuestion} into the plain facts the policy files match on. */
final class QuestionFacts {

    private QuestionFacts() {
    }

    /** Inserts the question's facts: only those that apply to its command. */
    static void insert(PolicyQuestion q, EntryPoint session) {
        session.insert(new SeasonFact(q.season()));
        session.insert(new CommandFact(q.kind(), q.actor().kind(), q.actor().id(), q.at(), resultOf(q)));
        if (q.school() != null) {
            session.insert(new SchoolFact(q.school(), q.schoolOccupancy()));
        }
        if (q.target() != null) {
            session.insert(RegistrationFact.of(Role.TARGET, q.target(), true));
        }
        if (q.proposed() != null) {
            session.insert(RegistrationFact.proposed(q.proposed()));
            session.insert(new ChildFact(q.proposed().child()));
        }
        List<Registration> history = q.childHistory();
        for (int i = 0; i < history.size(); i++) {
            session.insert(RegistrationFact.of(Role.EARLIER, history.get(i), i == history.size() - 1));
        }
        for (Document d : q.documents()) {
            session.insert(new ShownDocument(d));
        }
        if (q.coBuild() != null) {
            session.insert(new CoBuildFact(q.coBuild(), q.school() == null ? "" : q.school().code()));
            for (PolicyQuestion.CoBuildChild c : q.coBuild().children()) {
                session.insert(new ListedChildFact(c));
            }
        }
    }

    private static Result resultOf(PolicyQuestion q) {
        if (q.kind() == CommandKind.VERIFY) {
            return q.positive() ? Result.PASS : Result.FAIL;
        }
        if (q.kind() == CommandKind.BOARDING_DECIDE) {
            return q.positive() ? Result.ADMIT : Result.REJECT;
        }
        return null;
    }
}
