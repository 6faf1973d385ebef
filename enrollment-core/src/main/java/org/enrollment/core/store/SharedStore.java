package org.enrollment.core.store;

import java.time.Instant;
import java.util.Optional;
import org.enrollment.core.audit.AuditEntry;
import org.enrollment.core.audit.AuditRecord;
import org.enrollment.core.season.SeasonTerms;

/**
 * What a store shared by several nodes (the city database every district node writes to) holds for all of
 * them: the one clock and the one season. The registry of each node reads the store's time to check its own
 * clock against it, and holds the season there, so that no node judges by another window, plan or quota.
 *
 * <p>Such a store also refuses, inside each commit's and each record's own transaction, an audit record whose
 * {@link AuditRecord#season() season} is not the one it holds (a record with no season is not checked): it throws
 * {@link org.enrollment.core.registry.SeasonMismatchException#changed} and writes nothing, so a node whose season
 * another node changed stops at its next command, not after its next reading.
 */
public interface SharedStore {

    /**
     * The store's time and the fingerprint of the season it holds, read together in one round trip.
     *
     * @param time the store's clock now
     * @param seasonFingerprint the held season's {@link SeasonTerms#fingerprint()}, empty while none is held
     */
    record Reading(Instant time, Optional<String> seasonFingerprint) {
    }

    /** Reads the store's time and held season. */
    Reading read();

    /**
     * Holds the season: the first node's terms are written; every later node gets the terms held.
     *
     * @return the terms the store holds now (the given ones when it held none)
     */
    SeasonTerms hold(SeasonTerms season);

    /**
     * Replaces the held season, which must still be {@code from}, with {@code to}, and appends the record of the
     * change to the audit log in the same transaction.
     *
     * @return the change's audit entry, or empty when the held season was no longer {@code from}
     */
    Optional<AuditEntry> changeSeason(SeasonTerms from, SeasonTerms to, AuditRecord record);
}
