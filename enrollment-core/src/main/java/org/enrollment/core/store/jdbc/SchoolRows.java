package org.enrollment.core.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.enrollment.core.child.Household;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.registration.CoBuildList;
import org.enrollment.core.registration.ListedChild;

/**
 * What the store keeps per school in {@code school_status}: the places taken and the co-build list
 * waiting there ({@code cobuild_list}, {@code cobuild_list_child}). A commit locks a school's row before it
 * reads or changes either, so concurrent commits take a school's last place, or end its list, in turn.
 */
final class SchoolRows {

    private SchoolRows() {
    }

    /**
     * A school's row as locked.
     *
     * @param placesTaken registrations PRE_ADMITTED or later
     * @param waitingList the ID of the co-build list waiting there, or {@code null}
     */
    record Status(int placesTaken, Long waitingList) {
    }

    /** Locks the school's row, creating it first when the school has none yet. */
    static Status lock(Connection c, Dialect dialect, String school) throws SQLException {
        Status status = selectForUpdate(c, school);
        if (status != null) {
            return status;
        }
        try (PreparedStatement p = c.prepareStatement(dialect.insertSchool())) {
            p.setString(1, school);
            p.executeUpdate();
        }
        status = selectForUpdate(c, school);
        if (status == null) {
            throw new JdbcStoreException("The status row of school " + school + " vanished as it was made.");
        }
        return status;
    }

    private static Status selectForUpdate(Connection c, String school) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT places_taken, waiting_list FROM school_status WHERE school = ? FOR UPDATE")) {
            p.setString(1, school);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                int taken = r.getInt(1);
                long list = r.getLong(2);
                return new Status(taken, r.wasNull() ? null : list);
            }
        }
    }

    /** Raises the school's places taken by {@code by} with {@link Dialect#raisePlaces()}, locking its row; the new count. */
    static int raise(Connection c, Dialect dialect, String school, int by) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(dialect.raisePlaces())) {
            p.setString(1, school);
            p.setInt(2, by);
            p.setInt(3, by);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** Writes a locked school's places taken and waiting list. */
    static void update(Connection c, String school, Status status) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE school_status SET places_taken = ?, waiting_list = ? WHERE school = ?")) {
            p.setInt(1, status.placesTaken());
            if (status.waitingList() == null) {
                p.setNull(2, Types.BIGINT);
            } else {
                p.setLong(2, status.waitingList());
            }
            p.setString(3, school);
            p.executeUpdate();
        }
    }

    /** The places taken at the school, as last committed. */
    static int placesTaken(Connection c, String school) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT places_taken FROM school_status WHERE school = ?")) {
            p.setString(1, school);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        }
    }

    /** Stores a co-build list under a new ID and returns it with that ID. */
    static CoBuildList insertList(Connection c, Dialect dialect, CoBuildList list) throws SQLException {
        long id;
        try (PreparedStatement p = c.prepareStatement(dialect.nextListId()); ResultSet r = p.executeQuery()) {
            r.next();
            id = r.getLong(1);
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO cobuild_list (id, unit, school, given_at) VALUES (?, ?, ?, ?)")) {
            p.setLong(1, id);
            p.setString(2, list.unit());
            p.setString(3, list.school());
            p.setString(4, list.at().toString());
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO cobuild_list_child (list_id, position, child, name, household) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < list.children().size(); i++) {
                ListedChild e = list.children().get(i);
                p.setLong(1, id);
                p.setInt(2, i);
                p.setString(3, e.child().value());
                p.setString(4, e.name());
                p.setString(5, e.household().toString());
                p.addBatch();
            }
            p.executeBatch();
        }
        return new CoBuildList(id, list.unit(), list.school(), list.children(), list.at());
    }

    /** Removes a co-build list that no school waits on any more: no one's personal data is kept longer than needed. */
    static void deleteList(Connection c, long id) throws SQLException {
        try (PreparedStatement children = c.prepareStatement("DELETE FROM cobuild_list_child WHERE list_id = ?");
             PreparedStatement list = c.prepareStatement("DELETE FROM cobuild_list WHERE id = ?")) {
            children.setLong(1, id);
            children.executeUpdate();
            list.setLong(1, id);
            list.executeUpdate();
        }
    }

    /** The co-build list waiting at the school, read in one statement. */
    static Optional<CoBuildList> waitingList(Connection c, String school) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT l.id, l.unit, l.given_at, k.child, k.name, k.household"
                + " FROM school_status s JOIN cobuild_list l ON l.id = s.waiting_list"
                + " LEFT JOIN cobuild_list_child k ON k.list_id = l.id WHERE s.school = ? ORDER BY k.position")) {
            p.setString(1, school);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                long id = r.getLong(1);
                String unit = r.getString(2);
                Instant at = Instant.parse(r.getString(3));
                List<ListedChild> children = new ArrayList<>();
                do {
                    if (r.getString(4) != null) {
                        children.add(new ListedChild(ResidentId.of(r.getString(4)), r.getString(5),
                                Household.of(r.getString(6))));
                    }
                } while (r.next());
                return Optional.of(new CoBuildList(id, unit, school, children, at));
            }
        }
    }
}
