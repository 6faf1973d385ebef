package org.enrollment.core.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.enrollment.core.audit.AuditEntry;
import org.enrollment.core.audit.AuditRecord;
import org.enrollment.core.audit.AuditTrail;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.registration.CoBuildList;
import org.enrollment.core.registration.NewRegistration;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationNumber;
import org.enrollment.core.store.ChangeSet;
import org.enrollment.core.store.CoBuildCount;
import org.enrollment.core.store.CommitResult;
import org.enrollment.core.store.RegistrationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RegistrationStore} on PostgreSQL or H2 through plain {@code java.sql}: what lets every
 * district node embed the library and share the one city database.
 *
 * <pre>{@code
 * RegistrationStore store = JdbcRegistrationStore.open(dataSource);   // migrates the schema
 * Registry registry = Registry.builder(season, policies).store(store).childKey(key).build();
 * }</pre>
 *
 * <p><b>What the database guarantees, whichever node writes.</b> A commit is one transaction: the
 * registrations, their history, the places taken, the co-build lists and the audit entry are written
 * together or not at all. One active registration per child is a unique index over the rows that are not
 * WITHDRAWN (PostgreSQL: a partial unique index; H2: a unique generated column), so a lost race for a
 * child surfaces as the database refusing the insert, reported as {@code DUPLICATE_REGISTRATION}, never as
 * an exception. Each registration carries a version; an update that finds another version is
 * {@code STALE}, and the registry judges the command again. Pre-registration numbers come from a counter
 * per district and year, raised in a short transaction of its own before the commit: unique across nodes,
 * never reused, and a commit that then fails leaves a gap, never a second holder.
 *
 * <p><b>Isolation: READ COMMITTED with explicit row locks.</b> A commit locks,
 * always in this order so that two commits cannot wait on each other in a circle: the registrations it
 * updates ({@code SELECT ... FOR UPDATE}, in number order), the children's index entries (inserts, in
 * resident ID order), the status rows of the schools whose places, waiting list or co-build count it
 * changes or checks (in code order), and last the audit head row, which every commit and every refusal
 * locks: appends queue there, so the hash chain stays linear across nodes, and the head is held only for the
 * last three statements and the commit. What a commit checks (versions, the waiting list it ends, the
 * co-build count it was judged on, places against the plan) it reads under those locks, so the checks cannot
 * be overtaken. READ COMMITTED is the default of both
 * databases; a data source at a stricter level also works, and the serialization failures it may add come
 * back, like deadlocks and lock time-outs, as {@code STALE}. The store does not retry a commit itself: what
 * was judged may no longer hold, so the registry judges the command again. It does retry the append of a
 * {@link #record record}, which depends on nothing it read.
 *
 * <p><b>Reads</b> take no lock and read one statement's snapshot: a registration with its whole history,
 * as one commit left it. The indexes serve the registry's reads: by number (primary key), by child, by
 * school, and the places taken from the school's status row.
 *
 * <p>The schema lives in versioned scripts beside this class ({@code postgresql/V1.sql},
 * {@code h2/V1.sql}), applied once each on {@link #open}. Give the store a schema (or database) of its
 * own; its tables are written by the library only, and the audit tables refuse UPDATE and DELETE.
 */
public final class JdbcRegistrationStore implements RegistrationStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcRegistrationStore.class);
    private static final int FETCH_SIZE = 1_000;

    private final Database database;
    private final JdbcAuditTrail audit;

    private JdbcRegistrationStore(Database database) {
        this.database = database;
        this.audit = new JdbcAuditTrail(database);
    }

    /**
     * Opens the store on a data source: finds out whether it is PostgreSQL or H2, creates or migrates the
     * schema, and returns the store. Every operation takes a connection from the data source and gives it
     * back; give a pooled one for speed.
     *
     * @throws IllegalArgumentException when the database is neither PostgreSQL nor H2
     * @throws JdbcStoreException when the database cannot be reached or migrated
     */
    public static JdbcRegistrationStore open(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        Dialect dialect;
        try (Connection c = dataSource.getConnection()) {
            dialect = Dialect.of(c.getMetaData());
        } catch (SQLException e) {
            throw new JdbcStoreException("Opening the JDBC store failed: " + Database.message(e) + " (SQL state "
                    + e.getSQLState() + ").\nMaybe the database is not running, or the data source's URL, user or password is wrong.", e);
        }
        Database database = new Database(dataSource, dialect);
        try {
            int version = SchemaMigration.migrate(database);
            LOG.info("JDBC store open on {}, schema version {}", dialect, version);
        } catch (SQLException e) {
            throw database.failure("Migrating the schema", e);
        }
        return new JdbcRegistrationStore(database);
    }

    @Override
    public Optional<Registration> find(RegistrationNumber number) {
        Objects.requireNonNull(number, "number");
        List<Registration> found = select("Finding registration " + number, "WHERE r.number = ? ORDER BY e.position",
                number.value());
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<Registration> ofChild(ResidentId child) {
        Objects.requireNonNull(child, "child");
        return select("Reading the registrations of child " + child, "WHERE r.child = ? ORDER BY r.ordinal, e.position",
                child.value());
    }

    @Override
    public List<Registration> ofSchool(String school) {
        Objects.requireNonNull(school, "school");
        return select("Reading the registrations at school " + school, "WHERE r.school = ? ORDER BY r.number, e.position",
                school);
    }

    private List<Registration> select(String what, String where, String value) {
        return database.read(what, c -> {
            try (PreparedStatement p = c.prepareStatement(RegistrationRows.SELECT + where)) {
                p.setString(1, value);
                try (ResultSet r = p.executeQuery()) {
                    return RegistrationRows.list(r);
                }
            }
        });
    }

    @Override
    public int placesTaken(String school) {
        Objects.requireNonNull(school, "school");
        return database.read("Reading the places taken at school " + school, c -> SchoolRows.placesTaken(c, school));
    }

    @Override
    public Optional<CoBuildList> waitingList(String school) {
        Objects.requireNonNull(school, "school");
        return database.read("Reading the co-build list waiting at school " + school, c -> SchoolRows.waitingList(c, school));
    }

    @Override
    public AuditEntry record(AuditRecord record) {
        return audit.append(record);
    }

    @Override
    public AuditTrail audit() {
        return audit;
    }

    /** Streams every registration in creation order, in one statement's snapshot. */
    @Override
    public void forEach(Consumer<Registration> visitor) {
        Objects.requireNonNull(visitor, "visitor");
        try {
            database.inTransaction(c -> {
                try (PreparedStatement p = c.prepareStatement(RegistrationRows.SELECT + "ORDER BY r.ordinal, e.position")) {
                    p.setFetchSize(FETCH_SIZE);
                    try (ResultSet r = p.executeQuery()) {
                        RegistrationRows.read(r, visitor);
                    }
                }
                c.commit();
                return null;
            });
        } catch (SQLException e) {
            throw database.failure("Reading every registration", e);
        }
    }

    @Override
    public CommitResult commit(ChangeSet changes, AuditRecord record) {
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(record, "record");
        try {
            return database.inTransaction(c -> {
                List<RegistrationNumber> numbers = issueNumbers(c, changes.inserts());
                CommitResult result = write(c, changes, record, numbers);
                if (result instanceof CommitResult.Committed) {
                    c.commit();
                } else {
                    c.rollback();
                }
                return result;
            });
        } catch (SQLException e) {
            if (Database.isTransient(e)) {
                LOG.debug("Commit overtaken by a concurrent one: {}", Database.message(e));
                return stale("a concurrent commit got in the way (" + e.getSQLState() + ": " + Database.message(e) + ")");
            }
            throw database.failure("Committing a change", e);
        }
    }

    /**
     * Issues a number to each new registration, in the order given, from the counter of its district and
     * year, and commits at once: the counters' row locks are held for that short transaction only. On
     * PostgreSQL that commit does not wait for the disk: should the server crash before the log reaches it,
     * the numbers it lost were used by no commit that reached the disk either (a later commit flushes the
     * log up to itself, this transaction included), so no number that was ever issued is issued again.
     */
    private List<RegistrationNumber> issueNumbers(Connection c, List<NewRegistration> inserts) throws SQLException {
        if (inserts.isEmpty()) {
            return List.of();
        }
        Map<CounterKey, Integer> needed = new TreeMap<>();
        for (NewRegistration n : inserts) {
            needed.merge(new CounterKey(n.district(), n.year()), 1, Integer::sum);
        }
        if (database.dialect().lightCommit() != null) {
            try (PreparedStatement p = c.prepareStatement(database.dialect().lightCommit())) {
                p.execute();
            }
        }
        Map<CounterKey, Long> next = new HashMap<>();
        for (Map.Entry<CounterKey, Integer> e : needed.entrySet()) {
            next.put(e.getKey(), raiseCounter(c, e.getKey(), e.getValue()) - e.getValue() + 1);
        }
        c.commit();
        List<RegistrationNumber> numbers = new ArrayList<>(inserts.size());
        for (NewRegistration n : inserts) {
            CounterKey key = new CounterKey(n.district(), n.year());
            long sequence = next.merge(key, 1L, Long::sum) - 1;
            numbers.add(RegistrationNumber.of(n.district(), n.year(), sequence));
        }
        return numbers;
    }

    /** Raises the counter by {@code by}, creating it at 0 first when the district has none for the year; its new value. */
    private long raiseCounter(Connection c, CounterKey key, int by) throws SQLException {
        Dialect dialect = database.dialect();
        for (int attempt = 1; attempt <= 2; attempt++) {
            try (PreparedStatement p = c.prepareStatement(dialect.incrementCounter())) {
                p.setInt(1, by);
                p.setString(2, key.district());
                p.setInt(3, key.year());
                try (ResultSet r = p.executeQuery()) {
                    if (r.next()) {
                        return r.getLong(1);
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement(dialect.insertCounter())) {
                p.setString(1, key.district());
                p.setInt(2, key.year());
                p.executeUpdate();
            }
        }
        throw new JdbcStoreException("The number counter of district " + key.district() + ", year " + key.year()
                + " vanished as it was made.");
    }

    /** The district and year a pre-registration number counts in. */
    private record CounterKey(String district, int year) implements Comparable<CounterKey> {

        private static final Comparator<CounterKey> ORDER =
                Comparator.comparing(CounterKey::district).thenComparingInt(CounterKey::year);

        private CounterKey {
            Objects.requireNonNull(district, "district");
        }

        @Override
        public int compareTo(CounterKey o) {
            return ORDER.compare(this, o);
        }
    }

    /** The commit's transaction, up to its audit entry: a conflict is returned for the caller to roll back. */
    private CommitResult write(Connection c, ChangeSet changes, AuditRecord record, List<RegistrationNumber> numbers)
            throws SQLException {
        List<RegistrationNumber> updated = changes.updates().stream().map(Registration::number).toList();
        Map<RegistrationNumber, RegistrationRows.Stored> stored = RegistrationRows.lock(c, updated);
        Map<String, Integer> delta = new TreeMap<>();
        for (Registration u : changes.updates()) {
            RegistrationRows.Stored s = stored.get(u.number());
            if (s == null) {
                return stale("registration " + u.number() + " does not exist");
            }
            if (s.version() + 1 != u.version()) {
                return stale("registration " + u.number() + " changed");
            }
            if (s.state().occupiesPlace()) {
                delta.merge(s.school(), -1, Integer::sum);
            }
            if (u.state().occupiesPlace()) {
                delta.merge(u.school(), 1, Integer::sum);
            }
        }
        if (!RegistrationRows.update(c, changes.updates(), stored)) {
            return stale("a registration changed while locked");
        }
        List<Registration> created = new ArrayList<>(numbers.size());
        for (int i = 0; i < numbers.size(); i++) {
            NewRegistration n = changes.inserts().get(i);
            created.add(Registration.create(numbers.get(i), n.child(), n.name(), n.household(), n.district(), n.school(),
                    n.route(), n.coBuildUnit(), n.state(), n.at()));
        }
        for (Registration r : created.stream().sorted(Comparator.comparing(Registration::child)).toList()) {
            try {
                RegistrationRows.insert(c, r);
            } catch (SQLException e) {
                if (Database.isActiveChildTaken(e)) {
                    return new CommitResult.Conflict(CommitResult.Conflict.Kind.DUPLICATE_REGISTRATION,
                            "child " + r.child() + " already holds a registration that is not withdrawn");
                }
                throw e;
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
        AuditEntry entry = audit.append(c, record.withTargets(written.stream().map(r -> r.number().value()).toList()));
        return new CommitResult.Committed(written, entry);
    }

    /**
     * By how much this change's own rows move the co-build count it was judged on (negative when it withdraws
     * some of the unit's registrations; 0 without a count): the transaction sees its own writes, so the count
     * it reads less this is what the other commits left.
     */
    private static int ownCoBuildChange(ChangeSet changes, Map<RegistrationNumber, RegistrationRows.Stored> stored,
                                        List<Registration> written) {
        CoBuildCount judged = changes.coBuildCount();
        if (judged == null) {
            return 0;
        }
        int change = (int) written.stream().filter(judged::counts).count();
        for (Registration u : changes.updates()) {
            RegistrationRows.Stored before = stored.get(u.number());
            if (judged.counts(u.route(), u.coBuildUnit(), before.school(), before.state())) {
                change--;
            }
        }
        return change;
    }

    /**
     * Locks the status rows of the schools whose places, waiting list or co-build count change or are checked;
     * checks first what the judgement read (the list to end, the co-build count, {@code ownCoBuildChange} being
     * this change's own part of what the transaction counts), so that a command judged on stale facts is judged
     * again rather than refused, then the plans; writes the rows; or returns the conflict.
     */
    private CommitResult.Conflict settleSchools(Connection c, ChangeSet changes, Map<String, Integer> delta, int ownCoBuildChange)
            throws SQLException {
        CoBuildList waiting = changes.waitingList();
        CoBuildList ending = changes.endWaitingList();
        TreeSet<String> schools = new TreeSet<>();
        delta.forEach((school, d) -> {
            if (d != 0) {
                schools.add(school);
            }
        });
        if (waiting != null) {
            schools.add(waiting.school());
        }
        if (ending != null) {
            schools.add(ending.school());
        }
        CoBuildCount judged = changes.coBuildCount();
        if (judged != null) {
            schools.add(judged.school());
        }
        Map<String, SchoolRows.Status> status = new LinkedHashMap<>();
        for (String school : schools) {
            status.put(school, SchoolRows.lock(c, database.dialect(), school));
        }
        if (ending != null && !Long.valueOf(ending.id()).equals(status.get(ending.school()).waitingList())) {
            return stale("the co-build list waiting at " + ending.school() + " changed");
        }
        if (judged != null) {
            long held = RegistrationRows.activeCoBuild(c, judged.unit(), judged.school()) - ownCoBuildChange;
            CommitResult.Conflict changed = judged.conflictIfNot(held).orElse(null);
            if (changed != null) {
                return changed;
            }
        }
        for (Map.Entry<String, Integer> d : delta.entrySet()) {
            int taken = d.getValue() == 0 ? 0 : status.get(d.getKey()).placesTaken();
            if (d.getValue() > 0 && taken + d.getValue() > changes.planOf(d.getKey())) {
                return new CommitResult.Conflict(CommitResult.Conflict.Kind.PLAN_FULL,
                        "school " + d.getKey() + " has " + taken + " of " + changes.planOf(d.getKey()) + " places taken");
            }
        }
        CoBuildList stored = waiting == null ? null : SchoolRows.insertList(c, database.dialect(), waiting);
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

    private static CommitResult.Conflict stale(String detail) {
        return new CommitResult.Conflict(CommitResult.Conflict.Kind.STALE, detail);
    }

    @Override
    public String toString() {
        return "JdbcRegistrationStore[" + database.dialect() + "]";
    }
}
