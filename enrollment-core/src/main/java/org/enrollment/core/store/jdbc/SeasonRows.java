package org.enrollment.core.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.enrollment.core.audit.AuditEntry;
import org.enrollment.core.audit.AuditRecord;
import org.enrollment.core.registry.SeasonMismatchException;
import org.enrollment.core.season.SeasonTerms;
import org.enrollment.core.store.SharedStore;

/**
 * The JDBC store's {@link SharedStore}: the database's clock ({@code CURRENT_TIMESTAMP}) and the season held
 * in the one row of table {@code season}. A change of season locks that row, rewrites it and appends its audit
 * entry in one transaction; every commit and record of a registry checks the row in its own, with its audit entry
 * ({@link #check}, or in the append's one statement: {@link JdbcAuditTrail}).
 */
final class SeasonRows implements SharedStore {

    private static final String READ = "SELECT CURRENT_TIMESTAMP, (SELECT fingerprint FROM season WHERE id = 1)";

    private final Database database;
    private final JdbcAuditTrail audit;

    SeasonRows(Database database, JdbcAuditTrail audit) {
        this.database = database;
        this.audit = audit;
    }

    @Override
    public Reading read() {
        return database.read("Reading the database's time and season", c -> {
            try (PreparedStatement p = c.prepareStatement(READ); ResultSet r = p.executeQuery()) {
                r.next();
                return new Reading(r.getObject(1, OffsetDateTime.class).toInstant(), Optional.ofNullable(r.getString(2)));
            }
        });
    }

    @Override
    public SeasonTerms hold(SeasonTerms season) {
        Objects.requireNonNull(season, "season");
        return database.committed("Holding the season", c -> {
            Optional<SeasonTerms> held = locked(c);
            if (held.isPresent()) {
                return held.get();
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO season (id, fingerprint, terms, written_at) VALUES (1, ?, ?, CURRENT_TIMESTAMP)")) {
                p.setString(1, season.fingerprint());
                p.setString(2, season.text());
                p.executeUpdate();
            }
            return season;
        });
    }

    @Override
    public Optional<AuditEntry> changeSeason(SeasonTerms from, SeasonTerms to, AuditRecord record) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(record, "record");
        return database.committed("Changing the season", c -> {
            Optional<SeasonTerms> held = locked(c);
            if (held.isEmpty() || !held.get().equals(from)) {
                return Optional.empty();
            }
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE season SET fingerprint = ?, terms = ?, written_at = CURRENT_TIMESTAMP WHERE id = 1")) {
                p.setString(1, to.fingerprint());
                p.setString(2, to.text());
                p.executeUpdate();
            }
            return Optional.of(audit.appendLockingHead(c, record));
        });
    }

    /**
     * Checks, in a commit's or a record's transaction just before its audit entry, that the record was judged by the season held, and
     * locks the season's row against a change until the transaction ends (shared on PostgreSQL), so that no change
     * of season comes between the check and the commit; a record with no season, or a store that holds none, is
     * not checked.
     *
     * @throws SeasonMismatchException when another season is held: nothing was written
     */
    void check(Connection c, AuditRecord record) throws SQLException {
        if (record.season().isEmpty()) {
            return;
        }
        try (PreparedStatement p = c.prepareStatement(database.dialect().lockSeason()); ResultSet r = p.executeQuery()) {
            if (r.next() && !r.getString(1).equals(record.season())) {
                throw SeasonMismatchException.changed(r.getString(1), record.season());
            }
        }
    }

    /** The held season, its row locked for the rest of the transaction. */
    private static Optional<SeasonTerms> locked(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT terms FROM season WHERE id = 1 FOR UPDATE");
             ResultSet r = p.executeQuery()) {
            return r.next() ? Optional.of(SeasonTerms.ofText(r.getString(1))) : Optional.empty();
        }
    }
}
