package org.enrollment.core.policy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.CommandKind;
import org.enrollment.core.registration.Document;
import org.enrollment.core.registration.NewRegistration;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.season.CoBuildAgreement;
import org.enrollment.core.season.School;
import org.enrollment.core.season.Season;

/**
 * The plain facts the registry gives the policies at step 4 of judging a command, after input, authority
 * and lifecycle have passed. Each field that does not apply to the command is {@code null} or empty.
 *
 * @param kind the command
 * @param actor who gives it
 * @param at when
 * @param season the season
 * @param target the registration the command acts on, as it is before; {@code null} for a new one
 * @param proposed the registration as it would be after a {@code register} or {@code amend}
 * @param childHistory the child's registrations, oldest first, for a {@code register} or {@code amend}
 * @param school the school concerned
 * @param schoolOccupancy places of the school's plan taken now (PRE_ADMITTED and later)
 * @param documents the documents seen, for a {@code verify}
 * @param positive {@code pass} of a verify, {@code admit} of a boarding decision
 * @param coBuild the co-build facts of a {@code cobuild-list} or {@code cobuild-select}
 */
public record PolicyQuestion(CommandKind kind, Actor actor, Instant at, Season season,
                             Registration target, NewRegistration proposed, List<Registration> childHistory,
                             School school, int schoolOccupancy, Set<Document> documents, boolean positive,
                             CoBuild coBuild) {

    /** Validates the required fields and freezes the collections. */
    public PolicyQuestion {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(season, "season");
        childHistory = List.copyOf(childHistory);
        documents = Set.copyOf(documents);
    }

    /** The target registration, if the command acts on one that exists. */
    public Optional<Registration> targetRegistration() {
        return Optional.ofNullable(target);
    }

    /**
     * The co-build facts: a unit's list given to a school, or a school's selection from the list waiting.
     *
     * @param unit the co-build unit
     * @param agreement the unit's agreement with the school this season, or {@code null} (a fake co-build)
     * @param quotaLeft the agreement's quota less the unit's co-build registrations there that are not WITHDRAWN
     * @param selectedNow whether children get registrations with this command: a list that fits the quota
     *                    left, or a selection
     * @param children the children on the list, with whether each is selected and their registrations
     */
    public record CoBuild(String unit, CoBuildAgreement agreement, int quotaLeft, boolean selectedNow,
                          List<CoBuildChild> children) {

        /** Validates and freezes. */
        public CoBuild {
            Objects.requireNonNull(unit, "unit");
            children = List.copyOf(children);
        }

        /** How many children get registrations with this command. */
        public long selectedCount() {
            return children.stream().filter(CoBuildChild::selected).count();
        }
    }

    /**
     * A child on a co-build list.
     *
     * @param child the child
     * @param selected whether the child gets a co-build registration with this command
     * @param registrations the child's registrations, oldest first
     */
    public record CoBuildChild(ResidentId child, boolean selected, List<Registration> registrations) {

        /** Validates and freezes. */
        public CoBuildChild {
            Objects.requireNonNull(child, "child");
            registrations = List.copyOf(registrations);
        }

        /** The child's registration that is not WITHDRAWN, if any. */
        public Optional<Registration> active() {
            return registrations.stream().filter(Registration::isActive).findFirst();
        }
    }
}
