package org.enrollment.core.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.enrollment.core.audit.AuditEntry;
import org.enrollment.core.audit.AuditRecord;
import org.enrollment.core.audit.WrittenState;
import org.enrollment.core.registration.CoBuildList;
import org.enrollment.core.registration.NewRegistration;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationNumber;
import org.enrollment.core.store.ChangeSet;
import org.enrollment.core.store.CoBuildCount;
import org.enrollment.core.store.CommitResult;

/**
 * Writes one commit's change set inside its transaction, in the lock order {@link JdbcRegistrationStore}
 * documents: the registrations it updates, the children's index entries, the schools' status rows, and last
 * the season's row (checked) and the audit entry. A conflict is returned, never thrown, for the caller to roll back.
 */
record ChangeWriter(Database database, JdbcAuditTrail audit, SeasonRows season) {

    /** The commit's transaction, up to its audit entry: a conflict is returned for the caller to roll back. */
    CommitResult write(Connection c, ChangeSet changes, AuditRecord record, List<RegistrationNumber> numbers)
            throws SQLException {
        Map<RegistrationNumber, RegistrationUpdates.Stored> stored = update(c, changes.updates());
        if (stored == null) {
            return stale("a registration it changes is no longer at the version judged, or no longer exists");
        }
        Map<String, Integer> delta = new TreeMap<>();
        for (Registration u : changes.updates()) {
            RegistrationUpdates.Stored s = stored.get(u.number());
            if (s.state().occupiesPlace()) {
                delta.merge(s.school(), -1, Integer::sum);
            }
            if (u.state().occupiesPlace()) {
                delta.merge(u.school(), 1, Integer::sum);
            }
        }
        List<Registration> created = new ArrayList<>(numbers.size());
        for (int i = 0; i < numbers.size(); i++) {
            NewRegistration n = changes.inserts().get(i);
            created.add(Registration.create(numbers.get(i), n.child(), n.name(), n.household(), n.district(), n.school(),
                    n.route(), n.coBuildUnit(), n.state(), n.at()));
        }
        for (Registration r : created.stream().sorted(Comparator.comparing(Registration::child)).toList()) {
            if (!RegistrationRows.insert(c, database.dialect(), r)) {
                return new CommitResult.Conflict(CommitResult.Conflict.Kind.DUPLICATE_REGISTRATION,
                        "child " + r.child() + " already holds a registration that is not withdrawn");
            }
            if (r.state().occupiesPlace()) {
                delta.merge(r.school(), 1, Integer::sum);
            }
        }
        List<Registration> written = new ArrayList<>(changes.updates());
        written.addAll(created);
        CommitResult.Conflict conflict = settleSchools(c, changes, delta, ownCoBuildChange(changes, stored, written));
        if (conflict != null) {
            return conflict;
        }
        AuditEntry entry = audit.append(c, record.written(new WrittenState(written, changes.waitingList(), changes.endWaitingList())), season);
        return new CommitResult.Committed(written, entry.sequence());
    }

    /**
     * Locks and writes the registrations the change updates, each at the version after the one judged (one statement
     * on PostgreSQL when there is one, as a step's commit has); what was stored of each before, or {@code null} when
     * one is missing or at another version (then the caller rolls back whatever was written).
     */
    private Map<RegistrationNumber, RegistrationUpdates.Stored> update(Connection c, List<Registration> updates) throws SQLException {
        if (updates.size() == 1 && database.dialect() == Dialect.POSTGRESQL) {
            Registration u = updates.get(0);
            return RegistrationUpdates.updateOne(c, u).map(s -> Map.of(u.number(), s)).orElse(null);
        }
        Map<RegistrationNumber, RegistrationUpdates.Stored> stored =
                RegistrationUpdates.lock(c, updates.stream().map(Registration::number).toList());
        for (Registration u : updates) {
            RegistrationUpdates.Stored s = stored.get(u.number());
            if (s == null || s.version() + 1 != u.version()) {
                return null;
            }
        }
        return RegistrationUpdates.update(c, database.dialect(), updates, stored) ? stored : null;
    }

    /**
     * By how much this change's own rows move the co-build count it was judged on (negative when it withdraws
     * some of the unit's registrations; 0 without a count): the transaction sees its own writes, so the count
     * it reads less this is what the other commits left.
     */
    private static int ownCoBuildChange(ChangeSet changes, Map<RegistrationNumber, RegistrationUpdates.Stored> stored,
                                        List<Registration> written) {
        CoBuildCount judged = changes.coBuildCount();
        if (judged == null) {
            return 0;
        }
        int change = (int) written.stream().filter(judged::counts).count();
        for (Registration u : changes.updates()) {
            RegistrationUpdates.Stored before = stored.get(u.number());
            if (judged.counts(u.route(), u.coBuildUnit(), before.school(), before.state())) {
                change--;
            }
        }
        return change;
    }

    /**
     * Locks the status rows of the schools whose places, waiting list or co-build count change or are checked, in
     * code order; checks first what the judgement read (the list to end, the co-build count, {@code ownCoBuildChange}
     * being this change's own part of what the transaction counts), so that a command judged on stale facts is
     * judged again rather than refused, then the plans; writes the rows; or returns the conflict. Where the dialect
     * can, a school whose places alone change is raised, locked and read in one statement; a conflict found after
     * it is rolled back with the rest.
     */
    private CommitResult.Conflict settleSchools(Connection c, ChangeSet changes, Map<String, Integer> delta, int ownCoBuildChange)
            throws SQLException {
        CoBuildList waiting = changes.waitingList();
        CoBuildList ending = changes.endWaitingList();
        CoBuildCount judged = changes.coBuildCount();
        TreeSet<String> locked = new TreeSet<>();
        if (waiting != null) {
            locked.add(waiting.school());
        }
        if (ending != null) {
            locked.add(ending.school());
        }
        if (judged != null) {
            locked.add(judged.school());
        }
        TreeSet<String> schools = new TreeSet<>(locked);
        delta.forEach((school, d) -> {
            if (d != 0) {
                schools.add(school);
            }
        });
        Dialect dialect = database.dialect();
        Map<String, SchoolRows.Status> status = new LinkedHashMap<>();
        Map<String, Integer> taken = new TreeMap<>();
        for (String school : schools) {
            if (locked.contains(school) || dialect.raisePlaces() == null) {
                SchoolRows.Status s = SchoolRows.lock(c, dialect, school);
                status.put(school, s);
                taken.put(school, s.placesTaken());
            } else {
                taken.put(school, SchoolRows.raise(c, dialect, school, delta.get(school)) - delta.get(school));
            }
        }
        if (ending != null && !Long.valueOf(ending.id()).equals(status.get(ending.school()).waitingList())) {
            return stale("the co-build list waiting at " + ending.school() + " changed");
        }
        if (judged != null) {
            long held = RegistrationUpdates.activeCoBuild(c, judged.unit(), judged.school()) - ownCoBuildChange;
            CommitResult.Conflict changed = judged.conflictIfNot(held).orElse(null);
            if (changed != null) {
                return changed;
            }
        }
        for (Map.Entry<String, Integer> d : delta.entrySet()) {
            int before = taken.getOrDefault(d.getKey(), 0);
            if (d.getValue() > 0 && before + d.getValue() > changes.planOf(d.getKey())) {
                return new CommitResult.Conflict(CommitResult.Conflict.Kind.PLAN_FULL,
                        "school " + d.getKey() + " has " + before + " of " + changes.planOf(d.getKey()) + " places taken");
            }
        }
        CoBuildList stored = waiting == null ? null : SchoolRows.insertList(c, dialect, waiting);
        for (Map.Entry<String, SchoolRows.Status> e : status.entrySet()) {
            String school = e.getKey();
            SchoolRows.Status before = e.getValue();
            Long list = before.waitingList();
            if (ending != null && ending.school().equals(school)) {
                list = null;
            }
            if (stored != null && stored.school().equals(school)) {
                list = stored.id();
            }
            SchoolRows.update(c, school, new SchoolRows.Status(before.placesTaken() + delta.getOrDefault(school, 0), list));
            if (before.waitingList() != null && !before.waitingList().equals(list)) {
                SchoolRows.deleteList(c, before.waitingList());
            }
        }
        return null;
    }

    static CommitResult.Conflict stale(String detail) {
        return new CommitResult.Conflict(CommitResult.Conflict.Kind.STALE, detail);
    }

}
