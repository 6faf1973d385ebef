package org.enrollment.core.policy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.CommandKind;
import org.enrollment.core.registration.BoardingDecision;
import org.enrollment.core.registration.Document;
import org.enrollment.core.registration.NewRegistration;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.VerificationResult;
import org.enrollment.core.season.CoBuildAgreement;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;

/**
 * The plain facts the registry gives the policies (政策) at the last step of judging a command, after input,
 * authority and lifecycle have passed. Each kind of question is built by its factory, which takes exactly
 * the facts that kind has: {@link #register}, {@link #amend}, {@link #verify}, {@link #boardingDecide},
 * {@link #step}, {@link #wholeSchool} and {@link #coBuild}. What a kind does not have is empty, never
 * {@code null}.
 */
public final class PolicyQuestion {

    private final CommandKind kind;
    private final Occasion occasion;
    private final Registration target;
    private final NewRegistration proposed;
    private final List<Registration> childHistory;
    private final VerificationResult verification;
    private final Set<Document> documents;
    private final BoardingDecision boardingDecision;
    private final CoBuild coBuild;

    private PolicyQuestion(CommandKind kind, Occasion occasion, Registration target, NewRegistration proposed,
                           List<Registration> childHistory, VerificationResult verification, Set<Document> documents,
                           BoardingDecision boardingDecision, CoBuild coBuild) {
        this.kind = kind;
        this.occasion = Objects.requireNonNull(occasion, "occasion");
        this.target = target;
        this.proposed = proposed;
        this.childHistory = List.copyOf(childHistory);
        this.verification = verification;
        this.documents = Set.copyOf(documents);
        this.boardingDecision = boardingDecision;
        this.coBuild = coBuild;
    }

    /** A guardian registers a child: the registration it would make, and the child's registrations so far. */
    public static PolicyQuestion register(Occasion occasion, NewRegistration proposed, List<Registration> childHistory) {
        return new PolicyQuestion(CommandKind.REGISTER, occasion, null, Objects.requireNonNull(proposed, "proposed"),
                childHistory, null, Set.of(), null, null);
    }

    /** A guardian amends the target registration into the proposed one. */
    public static PolicyQuestion amend(Occasion occasion, Registration target, NewRegistration proposed,
                                       List<Registration> childHistory) {
        return new PolicyQuestion(CommandKind.AMEND, occasion, Objects.requireNonNull(target, "target"),
                Objects.requireNonNull(proposed, "proposed"), childHistory, null, Set.of(), null, null);
    }

    /** A school verifies the target registration: its result and the documents it saw. */
    public static PolicyQuestion verify(Occasion occasion, Registration target, List<Registration> childHistory,
                                        VerificationResult result, Set<Document> documents) {
        return new PolicyQuestion(CommandKind.VERIFY, occasion, Objects.requireNonNull(target, "target"), null,
                childHistory, Objects.requireNonNull(result, "result"), documents, null, null);
    }

    /** A boarding school decides on the target registration. */
    public static PolicyQuestion boardingDecide(Occasion occasion, Registration target, List<Registration> childHistory,
                                                BoardingDecision decision) {
        return new PolicyQuestion(CommandKind.BOARDING_DECIDE, occasion, Objects.requireNonNull(target, "target"), null,
                childHistory, null, Set.of(), Objects.requireNonNull(decision, "decision"), null);
    }

    /**
     * A command that takes one lifecycle step on the target registration and carries nothing else: withdraw,
     * tick, untick, approve, return, release, admit or file of one child.
     *
     * @throws IllegalArgumentException for a kind of command that has a factory of its own or names no child
     */
    public static PolicyQuestion step(CommandKind kind, Occasion occasion, Registration target,
                                      List<Registration> childHistory) {
        return new PolicyQuestion(checked(kind, Form.STEP), occasion, Objects.requireNonNull(target, "target"), null,
                childHistory, null, Set.of(), null, null);
    }

    /**
     * A command on a school's whole list: submit-list, approve of the list, admit of every approved child.
     *
     * @throws IllegalArgumentException for another kind of command
     */
    public static PolicyQuestion wholeSchool(CommandKind kind, Occasion occasion) {
        return new PolicyQuestion(checked(kind, Form.WHOLE_SCHOOL), occasion, null, null, List.of(), null,
                Set.of(), null, null);
    }

    /**
     * A co-build unit's list, or a school's selection from the list waiting.
     *
     * @throws IllegalArgumentException for a kind other than cobuild-list and cobuild-select
     */
    public static PolicyQuestion coBuild(CommandKind kind, Occasion occasion, CoBuild coBuild) {
        return new PolicyQuestion(checked(kind, Form.CO_BUILD), occasion, null, null, List.of(), null, Set.of(),
                null, Objects.requireNonNull(coBuild, "coBuild"));
    }

    /** How a kind of command is asked about: by a factory of its own, or by one of the shared ones. */
    private enum Form {
        OWN("its own factory"), STEP("step"), WHOLE_SCHOOL("wholeSchool"), CO_BUILD("coBuild");

        private final String factory;

        Form(String factory) {
            this.factory = factory;
        }
    }

    /**
     * Which factory asks about each kind. The switch has no {@code default}: a new kind of command does not
     * compile until it is given its place here.
     */
    private static Set<Form> formsOf(CommandKind kind) {
        return switch (kind) {
            case REGISTER, AMEND, VERIFY, BOARDING_DECIDE -> EnumSet.of(Form.OWN);
            case WITHDRAW, TICK, UNTICK, RETURN, RELEASE, FILE -> EnumSet.of(Form.STEP);
            case SUBMIT_LIST -> EnumSet.of(Form.WHOLE_SCHOOL);
            case APPROVE, ADMIT -> EnumSet.of(Form.STEP, Form.WHOLE_SCHOOL);
            case COBUILD_LIST, COBUILD_SELECT -> EnumSet.of(Form.CO_BUILD);
        };
    }

    private static CommandKind checked(CommandKind kind, Form form) {
        if (!formsOf(Objects.requireNonNull(kind, "kind")).contains(form)) {
            throw new IllegalArgumentException("kind: " + kind + " is not asked about by PolicyQuestion." + form.factory
                    + "(...).\nMaybe use " + formsOf(kind).stream().map(f -> f.factory).toList() + ".");
        }
        return kind;
    }

    /** The command asked about. */
    public CommandKind kind() {
        return kind;
    }

    /** Who gives it. */
    public Actor actor() {
        return occasion.actor();
    }

    /** When. */
    public Instant at() {
        return occasion.at();
    }

    /** The season. */
    public Season season() {
        return occasion.season();
    }

    /** The school concerned. */
    public School school() {
        return occasion.school();
    }

    /** Places of the school's plan taken now (PRE_ADMITTED and later). */
    public int placesTaken() {
        return occasion.placesTaken();
    }

    /** The registration the command acts on, as it is before; empty for a register or a whole list. */
    public Optional<Registration> target() {
        return Optional.ofNullable(target);
    }

    /** The registration as a register or amend would make it; empty for other commands. */
    public Optional<NewRegistration> proposed() {
        return Optional.ofNullable(proposed);
    }

    /** The child's registrations, oldest first; empty for a command that names no child. */
    public List<Registration> childHistory() {
        return childHistory;
    }

    /** A verify's result; empty for other commands. */
    public Optional<VerificationResult> verification() {
        return Optional.ofNullable(verification);
    }

    /** The documents a verify saw; empty for other commands. */
    public Set<Document> documents() {
        return documents;
    }

    /** A boarding-decide's decision; empty for other commands. */
    public Optional<BoardingDecision> boardingDecision() {
        return Optional.ofNullable(boardingDecision);
    }

    /** The co-build facts of a cobuild-list or cobuild-select; empty for other commands. */
    public Optional<CoBuild> coBuild() {
        return Optional.ofNullable(coBuild);
    }

    @Override
    public String toString() {
        return "PolicyQuestion[" + kind.text() + " by " + occasion.actor() + " at " + occasion.at() + ", school "
                + occasion.school().code() + (target == null ? "" : ", target " + target.number()) + "]";
    }

    /**
     * What every question has: who asks, when, in which season, and the school concerned with the places of
     * its plan taken now.
     *
     * @param actor who gives the command
     * @param at when
     * @param season the season
     * @param school the school concerned
     * @param placesTaken places of the school's plan taken now (PRE_ADMITTED and later)
     */
    public record Occasion(Actor actor, Instant at, Season season, School school, int placesTaken) {

        /** Checks that every field is given and the count is not negative. */
        public Occasion {
            if (placesTaken < 0) {
                throw new IllegalArgumentException("placesTaken: must not be negative (was " + placesTaken + ").");
            }
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(season, "season");
            Objects.requireNonNull(school, "school");
        }
    }

    /**
     * The co-build facts (共建): a unit's list given to a school, or a school's selection from the list waiting.
     *
     * @param unit the co-build unit
     * @param agreement the unit's agreement with the school this season; empty for a fake co-build
     * @param quotaLeft the agreement's quota less the unit's co-build registrations there that are not WITHDRAWN
     * @param selectedNow whether children get registrations with this command: a list that fits the quota
     *                    left, or a selection
     * @param candidates the children on the list, with whether each is selected and their registrations
     */
    public record CoBuild(String unit, Optional<CoBuildAgreement> agreement, int quotaLeft, boolean selectedNow,
                          List<Candidate> candidates) {

        /** Validates and freezes. */
        public CoBuild {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(agreement, "agreement");
            candidates = List.copyOf(candidates);
        }

        /** How many children get registrations with this command. */
        public long selectedCount() {
            return candidates.stream().filter(Candidate::selected).count();
        }
    }

    /**
     * A child on a co-build list as the policies see it (差额推荐的候选人): whether this command selects the child,
     * and the child's registrations.
     *
     * @param child the child
     * @param selected whether the child gets a co-build registration with this command
     * @param registrations the child's registrations, oldest first
     */
    public record Candidate(ResidentId child, boolean selected, List<Registration> registrations) {

        /** Validates and freezes. */
        public Candidate {
            Objects.requireNonNull(child, "child");
            registrations = List.copyOf(registrations);
        }

        /** The child's registration that is not WITHDRAWN, if any. */
        public Optional<Registration> active() {
            return registrations.stream().filter(Registration::isActive).findFirst();
        }
    }
}
