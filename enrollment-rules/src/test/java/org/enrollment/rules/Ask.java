package org.enrollment.rules;

import static org.enrollment.rules.Fixtures.IN_WINDOW;
import static org.enrollment.rules.Fixtures.SEASON;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.enrollment.core.child.Household;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.CommandKind;
import org.enrollment.core.policy.PolicyQuestion;
import org.enrollment.core.policy.PolicyQuestion.CoBuild;
import org.enrollment.core.policy.PolicyQuestion.Candidate;
import org.enrollment.core.policy.PolicyVerdict;
import org.enrollment.core.registration.BoardingDecision;
import org.enrollment.core.registration.Document;
import org.enrollment.core.registration.NewRegistration;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.registration.Route;
import org.enrollment.core.registration.VerificationResult;
import org.enrollment.core.season.CoBuildAgreement;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;

/**
 * Builds the question the registry would ask the policies about one command, with the facts a test needs
 * and sensible defaults for the rest (in the window, nothing taken in the plan).
 */
final class Ask {

    private final CommandKind kind;
    private final Actor actor;
    private Instant at = IN_WINDOW;
    private Registration target;
    private NewRegistration proposed;
    private List<Registration> history = List.of();
    private School school;
    private int placesTaken;
    private Set<Document> documents = Set.of();
    private VerificationResult verification;
    private BoardingDecision boardingDecision;
    private CoBuild coBuild;
    private Season season = SEASON;

    private Ask(CommandKind kind, Actor actor) {
        this.kind = kind;
        this.actor = actor;
    }

    /** A guardian registers the child online for the school, in the school's district. */
    static Ask register(ResidentId child, String household, School school) {
        Ask a = new Ask(CommandKind.REGISTER, Actor.guardian());
        a.school = school;
        a.proposed = new NewRegistration(2014, child, "王小明", Household.of(household), school.district(), school.code(),
                Route.ONLINE, null, RegistrationState.SUBMITTED, a.at);
        return a;
    }

    /** A guardian amends the registration to name this school (and keeps the household). */
    static Ask amend(Registration target, School school) {
        Ask a = step(CommandKind.AMEND, Actor.guardian(), target);
        a.school = school;
        a.proposed = new NewRegistration(2014, target.child(), target.name(), target.household(), target.district(),
                school.code(), target.route(), target.coBuildUnit(), RegistrationState.SUBMITTED, a.at);
        return a;
    }

    /** A guardian withdraws the registration. */
    static Ask withdraw(Registration target) {
        return step(CommandKind.WITHDRAW, Actor.guardian(), target);
    }

    /** The registration's school verifies it: a pass or a fail, having seen these documents. */
    static Ask verify(Registration target, boolean pass, Document... seen) {
        Ask a = step(CommandKind.VERIFY, Actor.school(target.school()), target);
        a.verification = pass ? VerificationResult.PASS : VerificationResult.FAIL;
        a.documents = seen.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(seen));
        return a;
    }

    /** The boarding school admits or rejects the application. */
    static Ask boardingDecide(Registration target, boolean admit) {
        Ask a = step(CommandKind.BOARDING_DECIDE, Actor.school(target.school()), target);
        a.boardingDecision = admit ? BoardingDecision.ADMIT : BoardingDecision.REJECT;
        return a;
    }

    /** A command that takes one lifecycle step on the registration, by whoever may give it. */
    static Ask step(CommandKind kind, Actor actor, Registration target) {
        Ask a = new Ask(kind, actor);
        a.target = target;
        a.history = List.of(target);
        a.school = SEASON.school(target.school()).orElseThrow();
        return a;
    }

    /**
     * A co-build unit gives the school its list. As the registry does, the list is selected at once when the
     * unit has an agreement and the list fits the quota left; otherwise it waits.
     */
    static Ask coBuildList(String unit, CoBuildAgreement agreement, int quotaLeft, Listed... children) {
        boolean fits = agreement != null && children.length <= quotaLeft;
        Ask a = new Ask(CommandKind.COBUILD_LIST, Actor.coBuildUnit(unit));
        a.school = Fixtures.DAY_SCHOOL;
        a.coBuild = new CoBuild(unit, Optional.ofNullable(agreement), quotaLeft, fits,
                Arrays.stream(children).map(c -> c.asChild(fits)).toList());
        return a;
    }

    /** The school selects from the list waiting: the children marked selected get co-build registrations. */
    static Ask coBuildSelect(int quotaLeft, Listed... children) {
        Ask a = new Ask(CommandKind.COBUILD_SELECT, Actor.school(Fixtures.DAY_SCHOOL.code()));
        a.school = Fixtures.DAY_SCHOOL;
        a.coBuild = new CoBuild(Fixtures.AGREEMENT.unit(), Optional.of(Fixtures.AGREEMENT), quotaLeft, true,
                Arrays.stream(children).map(c -> c.asChild(c.selected)).toList());
        return a;
    }

    /** In this season instead of the fixtures' 2014 one. */
    Ask in(Season other) {
        this.season = other;
        return this;
    }

    /** At this instant. */
    Ask at(Instant when) {
        this.at = when;
        if (proposed != null) {
            proposed = new NewRegistration(proposed.year(), proposed.child(), proposed.name(), proposed.household(),
                    proposed.district(), proposed.school(), proposed.route(), proposed.coBuildUnit(), proposed.state(), when);
        }
        return this;
    }

    /** The proposed registration is made in this district (its school may be elsewhere). */
    Ask inDistrict(String district) {
        proposed = new NewRegistration(proposed.year(), proposed.child(), proposed.name(), proposed.household(), district,
                proposed.school(), proposed.route(), proposed.coBuildUnit(), proposed.state(), proposed.at());
        return this;
    }

    /** The proposed registration takes this route. */
    Ask route(Route route) {
        proposed = new NewRegistration(proposed.year(), proposed.child(), proposed.name(), proposed.household(),
                proposed.district(), proposed.school(), route, proposed.coBuildUnit(), proposed.state(), proposed.at());
        return this;
    }

    /** The child's registrations before this command, oldest first. */
    Ask history(Registration... registrations) {
        this.history = List.of(registrations);
        return this;
    }

    /** Places of the school's plan taken now. */
    Ask placesTaken(int taken) {
        this.placesTaken = taken;
        return this;
    }

    /** The question, built by the factory for its kind as the registry builds it. */
    PolicyQuestion question() {
        PolicyQuestion.Occasion occasion = new PolicyQuestion.Occasion(actor, at, season, school, placesTaken);
        return switch (kind) {
            case REGISTER -> PolicyQuestion.register(occasion, proposed, history);
            case AMEND -> PolicyQuestion.amend(occasion, target, proposed, history);
            case VERIFY -> PolicyQuestion.verify(occasion, target, history, verification, documents);
            case BOARDING_DECIDE -> PolicyQuestion.boardingDecide(occasion, target, history, boardingDecision);
            case COBUILD_LIST, COBUILD_SELECT -> PolicyQuestion.coBuild(kind, occasion, coBuild);
            case WITHDRAW, TICK, UNTICK, RETURN, RELEASE, FILE -> PolicyQuestion.step(kind, occasion, target, history);
            case SUBMIT_LIST -> PolicyQuestion.wholeSchool(kind, occasion);
            case APPROVE, ADMIT -> target == null ? PolicyQuestion.wholeSchool(kind, occasion)
                    : PolicyQuestion.step(kind, occasion, target, history);
        };
    }

    /** The shipped rules' verdict, recorded for the check that every rule fired somewhere. */
    PolicyVerdict judge() {
        return FiredRules.judge(question());
    }

    /** A child on a co-build list, selected or not, with the registrations the child holds. */
    static final class Listed {

        private final ResidentId child;
        private final boolean selected;
        private final List<Registration> registrations;

        private Listed(ResidentId child, boolean selected, List<Registration> registrations) {
            this.child = child;
            this.selected = selected;
            this.registrations = registrations;
        }

        /** A child the school selects, holding these registrations. */
        static Listed selected(ResidentId child, Registration... registrations) {
            return new Listed(child, true, List.of(registrations));
        }

        /** A child left out, holding these registrations. */
        static Listed leftOut(ResidentId child, Registration... registrations) {
            return new Listed(child, false, List.of(registrations));
        }

        /** A child on a list, holding these registrations (selected or not as the list goes). */
        static Listed listed(ResidentId child, Registration... registrations) {
            return new Listed(child, false, List.of(registrations));
        }

        Candidate asChild(boolean isSelected) {
            return new Candidate(child, isSelected, registrations);
        }
    }
}
