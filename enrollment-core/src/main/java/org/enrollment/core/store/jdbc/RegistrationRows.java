package org.enrollment.core.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.enrollment.core.child.Household;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationEvent;
import org.enrollment.core.registration.RegistrationNumber;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.registration.Route;
import org.enrollment.core.registration.Step;

/**
 * Registrations in the tables {@code registration} (one row each, with a version) and
 * {@code registration_event} (its history, one row a line). A registration is always read with its
 * history in one statement, so it is read as one commit left it.
 */
final class RegistrationRows {

    /** Registrations joined with their events; the caller adds WHERE and ORDER BY (ending in the position). */
    static final String SELECT = "SELECT r.number, r.child, r.name, r.household, r.district, r.school, r.route,"
            + " r.co_build_unit, r.state, r.version, e.event_at, e.step, e.state, e.reason"
            + " FROM registration r JOIN registration_event e ON e.number = r.number ";

    static final String UPDATE_ROW = "UPDATE registration SET name = ?, household = ?, school = ?, state = ?,"
            + " version = ? WHERE number = ? AND version = ?";

    static final String INSERT_EVENT = "INSERT INTO registration_event (number, position, event_at, step,"
            + " state, reason) VALUES (?, ?, ?, ?, ?, ?)";

    private RegistrationRows() {
    }

    /** Reads the rows of {@link #SELECT}, handing each registration over once its last event is read. */
    static void read(ResultSet rows, Consumer<Registration> sink) throws SQLException {
        Columns current = null;
        List<RegistrationEvent> events = new ArrayList<>();
        while (rows.next()) {
            String number = rows.getString(1);
            if (current == null || !current.number().equals(number)) {
                if (current != null) {
                    sink.accept(current.registration(events));
                }
                current = new Columns(number, rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                        rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9), rows.getLong(10));
                events = new ArrayList<>();
            }
            String step = rows.getString(12);
            events.add(new RegistrationEvent(Instant.parse(rows.getString(11)), step == null ? null : Step.valueOf(step),
                    RegistrationState.valueOf(rows.getString(13)), rows.getString(14)));
        }
        if (current != null) {
            sink.accept(current.registration(events));
        }
    }

    /** Reads the rows of {@link #SELECT} into a list. */
    static List<Registration> list(ResultSet rows) throws SQLException {
        List<Registration> result = new ArrayList<>();
        read(rows, result::add);
        return result;
    }

    /** The columns of a registration's row, as read. */
    private record Columns(String number, String child, String name, String household, String district, String school,
                           String route, String coBuildUnit, String state, long version) {

        Registration registration(List<RegistrationEvent> events) {
            if (events.size() != version) {
                throw new JdbcStoreException("Registration " + number + " has version " + version + " but " + events.size()
                        + " events: its rows were changed outside the library.");
            }
            return new Registration(new RegistrationNumber(number), ResidentId.of(child), name, Household.of(household),
                    district, school, Route.valueOf(route), coBuildUnit, RegistrationState.valueOf(state), version, events);
        }
    }

    /**
     * Inserts a new registration with its history, unless the child already holds one that is not WITHDRAWN.
     * On PostgreSQL the race is settled by {@code INSERT … ON CONFLICT DO NOTHING} and the row count, never by a
     * unique violation, whose {@code DETAIL: Key (child)=(…)} line would put the resident ID in the server's log;
     * H2 keeps no such log and reports the violation.
     *
     * @return whether it was inserted; {@code false} when the child's active registration is in the way
     */
    static boolean insert(Connection c, Dialect dialect, Registration r) throws SQLException {
        checkHistory(r);
        boolean together = dialect == Dialect.POSTGRESQL;
        String sql = "INSERT INTO registration (number, child, name, household, district, school, route, co_build_unit, state, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        if (together) {
            sql = "WITH r AS (" + sql + " ON CONFLICT (child) WHERE state <> 'WITHDRAWN' DO NOTHING RETURNING number) "
                    + eventsFrom("r", r.history().size());
        }
        try (PreparedStatement row = c.prepareStatement(sql);
             PreparedStatement event = together ? null : c.prepareStatement(INSERT_EVENT)) {
            row.setString(1, r.number().value());
            row.setString(2, r.child().value());
            row.setString(3, r.name());
            row.setString(4, r.household().toString());
            row.setString(5, r.district());
            row.setString(6, r.school());
            row.setString(7, r.route().name());
            row.setString(8, r.coBuildUnit());
            row.setString(9, r.state().name());
            row.setLong(10, r.version());
            if (together) {
                setEvents(row, 11, r, 0);
            }
            try {
                if (row.executeUpdate() == 0) {
                    return false;
                }
            } catch (SQLException e) {
                if (Database.isActiveChildTaken(e)) {
                    return false;
                }
                throw e;
            }
            if (event != null) {
                addEvents(event, r, 0);
                event.executeBatch();
            }
            return true;
        }
    }

    /**
     * PostgreSQL: the insert of {@code count} events of the registration the named common table expression
     * returns (none when it returns no row); the events' columns are parameters, position first.
     */
    static String eventsFrom(String cte, int count) {
        String row = "(CAST(? AS INT), ?, ?, ?, ?)";
        return "INSERT INTO registration_event (number, position, event_at, step, state, reason)"
                + " SELECT " + cte + ".number, e.* FROM " + cte + ", (VALUES " + String.join(", ", Collections.nCopies(count, row))
                + ") e";
    }

    /** Sets the parameters of {@link #eventsFrom}, from parameter {@code first} on: the events past {@code from}. */
    static void setEvents(PreparedStatement p, int first, Registration r, int from) throws SQLException {
        checkHistory(r);
        int i = first;
        for (int position = from; position < r.history().size(); position++) {
            RegistrationEvent e = r.history().get(position);
            p.setInt(i++, position);
            p.setString(i++, e.at().toString());
            p.setString(i++, e.step() == null ? null : e.step().name());
            p.setString(i++, e.state().name());
            p.setString(i++, e.reason());
        }
    }

    private static void checkHistory(Registration r) {
        if (r.history().size() != r.version()) {
            throw new IllegalArgumentException("Registration " + r.number() + " has version " + r.version() + " but "
                    + r.history().size() + " lines of history; the store keeps one line per version.\n"
                    + "Maybe make it with Registration.create and take, which keep them in step.");
        }
    }

    static void addEvents(PreparedStatement p, Registration r, int from) throws SQLException {
        checkHistory(r);
        for (int i = from; i < r.history().size(); i++) {
            RegistrationEvent e = r.history().get(i);
            p.setString(1, r.number().value());
            p.setInt(2, i);
            p.setString(3, e.at().toString());
            if (e.step() == null) {
                p.setNull(4, Types.VARCHAR);
            } else {
                p.setString(4, e.step().name());
            }
            p.setString(5, e.state().name());
            p.setString(6, e.reason());
            p.addBatch();
        }
    }
}
