package org.enrollment.core.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationNumber;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.registration.Route;

/**
 * How a commit changes registrations that exist: it locks their rows (in number order) and reads what it checks,
 * then writes each row at the version it locked with the event the step adds. On PostgreSQL a commit that changes
 * one registration does both in one statement ({@link #updateOne}).
 */
final class RegistrationUpdates {

    private static final int LOCK_CHUNK = 100;

    private RegistrationUpdates() {
    }

    /**
     * What a commit locked of a registration before changing it.
     *
     * @param version the version stored
     * @param state the state stored
     * @param school the school stored
     */
    record Stored(long version, RegistrationState state, String school) {
    }

    /**
     * Locks the registrations, in number order, and reads what a commit checks; missing ones are left out.
     * A whole school's list is locked a hundred rows a statement.
     */
    static Map<RegistrationNumber, Stored> lock(Connection c, Collection<RegistrationNumber> numbers) throws SQLException {
        Map<RegistrationNumber, Stored> result = new HashMap<>();
        List<RegistrationNumber> sorted = numbers.stream().sorted().distinct().toList();
        for (int from = 0; from < sorted.size(); from += LOCK_CHUNK) {
            List<RegistrationNumber> chunk = sorted.subList(from, Math.min(sorted.size(), from + LOCK_CHUNK));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement p = c.prepareStatement("SELECT number, version, state, school FROM registration"
                    + " WHERE number IN (" + marks + ") ORDER BY number FOR UPDATE")) {
                for (int i = 0; i < chunk.size(); i++) {
                    p.setString(i + 1, chunk.get(i).value());
                }
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        result.put(new RegistrationNumber(r.getString(1)),
                                new Stored(r.getLong(2), RegistrationState.valueOf(r.getString(3)), r.getString(4)));
                    }
                }
            }
        }
        return result;
    }

    /** The co-build unit's registrations at the school that are not withdrawn, as this transaction sees them. */
    static long activeCoBuild(Connection c, String unit, String school) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM registration WHERE school = ? AND route = ?"
                + " AND co_build_unit = ? AND state <> ?")) {
            p.setString(1, school);
            p.setString(2, Route.CO_BUILD.name());
            p.setString(3, unit);
            p.setString(4, RegistrationState.WITHDRAWN.name());
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * Writes registrations after a step: the row where its version is still the one locked, and the one event
     * past the stored ones (a step adds one). On PostgreSQL each registration is one statement, the event
     * inserted from the row the update returns, all of them one batch: one round trip.
     *
     * @return whether every row was still at its stored version
     */
    static boolean update(Connection c, Dialect dialect, List<Registration> updates, Map<RegistrationNumber, Stored> stored)
            throws SQLException {
        if (updates.isEmpty()) {
            return true;
        }
        boolean together = dialect == Dialect.POSTGRESQL;
        String update = RegistrationRows.UPDATE_ROW;
        if (together) {
            update = "WITH u AS (" + RegistrationRows.UPDATE_ROW + " RETURNING number) " + RegistrationRows.eventsFrom("u", 1);
        }
        try (PreparedStatement row = c.prepareStatement(update);
             PreparedStatement event = together ? null : c.prepareStatement(RegistrationRows.INSERT_EVENT)) {
            for (Registration u : updates) {
                long before = stored.get(u.number()).version();
                setRow(row, u, before);
                if (together) {
                    RegistrationRows.setEvents(row, 8, u, (int) before);
                } else {
                    RegistrationRows.addEvents(event, u, (int) before);
                }
                row.addBatch();
            }
            for (int count : row.executeBatch()) {
                if (count == 0) {
                    return false;
                }
            }
            if (event != null) {
                event.executeBatch();
            }
        }
        return true;
    }

    /**
     * PostgreSQL, one statement for a commit that changes one registration: writes the row where it is still at the
     * version before {@code u}'s (locking it, as {@link #lock} would) with the event the step adds, and returns what
     * was stored before, as {@link #lock} reads it; nothing when the registration is missing or at another version
     * (then nothing was written). The row before is the statement's snapshot, joined to the row updated: PostgreSQL
     * checks the updated row's version again on the newest version of the row should a commit have changed it since,
     * so a row written at all was at the judged version, which is the one read.
     */
    static Optional<Stored> updateOne(Connection c, Registration u) throws SQLException {
        long before = u.version() - 1;
        String sql = "WITH u AS (UPDATE registration r SET name = ?, household = ?, school = ?, state = ?, version = ?"
                + " FROM registration o WHERE r.number = ? AND r.version = ? AND o.number = r.number"
                + " RETURNING r.number, o.state AS was_state, o.school AS was_school),"
                + " e AS (" + RegistrationRows.eventsFrom("u", 1) + ") SELECT was_state, was_school FROM u";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            setRow(p, u, before);
            RegistrationRows.setEvents(p, 8, u, (int) before);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(new Stored(before, RegistrationState.valueOf(r.getString(1)), r.getString(2)))
                        : Optional.empty();
            }
        }
    }

    /** Sets the parameters of an update of the row ({@link RegistrationRows#UPDATE_ROW}'s seven, in its order). */
    private static void setRow(PreparedStatement p, Registration u, long before) throws SQLException {
        p.setString(1, u.name());
        p.setString(2, u.household().toString());
        p.setString(3, u.school());
        p.setString(4, u.state().name());
        p.setLong(5, u.version());
        p.setString(6, u.number().value());
        p.setLong(7, before);
    }
}
