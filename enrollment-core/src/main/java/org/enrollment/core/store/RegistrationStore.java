package org.enrollment.core.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.enrollment.core.audit.AuditRecord;
import org.enrollment.core.audit.AuditTrail;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.registration.CoBuildList;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationNumber;

/**
 * Where registrations and the audit log live: the SPI the registry writes through.
 *
 * <p>The rules decide; the store enforces. {@link #commit} writes a change set and its audit entry at
 * once or not at all, and refuses, whatever any caller judged, a second registration of a child that is
 * not WITHDRAWN, a registration, waiting list or co-build count ({@link CoBuildCount}) that changed since it
 * was read (checked first, so that a command judged on stale facts is judged again), and more places taken
 * than a school's plan. Implementations are safe for concurrent use.
 */
public interface RegistrationStore {

    /** The registration with this number. */
    Optional<Registration> find(RegistrationNumber number);

    /** All of the child's registrations, oldest first; at most the last is not WITHDRAWN. */
    List<Registration> ofChild(ResidentId child);

    /** All registrations naming the school, in no particular order. */
    List<Registration> ofSchool(String school);

    /** How many registrations naming the school are PRE_ADMITTED or later. */
    int placesTaken(String school);

    /** The co-build list waiting at the school for its selection. */
    Optional<CoBuildList> waitingList(String school);

    /** Writes the change and the audit entry together, or reports the conflict and writes nothing. */
    CommitResult commit(ChangeSet changes, AuditRecord record);

    /**
     * Appends the audit entry of a command that changed nothing (refused, or accepted with nothing to act on), and
     * returns its sequence number ({@link AuditTrail#add}).
     */
    long record(AuditRecord record);

    /** The audit log. */
    AuditTrail audit();

    /**
     * Whether what the store holds outlives the process (a database, a journal file): then the registry must be
     * given the same child key every time, and refuses to build without one.
     */
    default boolean outlivesProcess() {
        return false;
    }

    /** Visits every registration, for reports and checks; not a consistent snapshot under concurrent writes. */
    void forEach(Consumer<Registration> visitor);

    /**
     * The clock and season this store shares with the other nodes writing to it; empty (the default) for a
     * store of one process, whose host's clock and season are the only ones.
     */
    default Optional<SharedStore> shared() {
        return Optional.empty();
    }
}
