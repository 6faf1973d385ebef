package org.enrollment.core.store;

import java.util.List;
import org.enrollment.core.registration.Registration;

/** What came of writing a change set: written with its audit entry, or a conflict that wrote nothing. */
public sealed interface CommitResult {

    /**
     * Written.
     *
     * @param registrations the updated and created registrations as stored, created ones with their numbers
     * @param sequence the sequence number of the command's audit entry
     */
    record Committed(List<Registration> registrations, long sequence) implements CommitResult {

        /** Freezes the list. */
        public Committed {
            registrations = List.copyOf(registrations);
        }
    }

    /**
     * Not written; nothing changed.
     *
     * @param kind why
     * @param detail what, without raw resident IDs
     */
    record Conflict(Kind kind, String detail) implements CommitResult {

        /** Something the judgement read changed since: judge the command again. */
        public static final Kind STALE = Kind.STALE;
        /** The child already holds a registration that is not withdrawn. */
        public static final Kind DUPLICATE_REGISTRATION = Kind.DUPLICATE_REGISTRATION;
        /** The change would take more places than a school's plan. */
        public static final Kind PLAN_FULL = Kind.PLAN_FULL;

        /** Kinds of conflict. */
        public enum Kind {
            /** A registration, a waiting list or a co-build unit's count changed since the judgement read it. */
            STALE,
            /** A child would hold two registrations that are not withdrawn. */
            DUPLICATE_REGISTRATION,
            /** A school would have more places taken than its plan. */
            PLAN_FULL
        }
    }
}
