package org.enrollment.core.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.enrollment.core.audit.AuditRecord;
import org.enrollment.core.audit.AuditTrail;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.registration.CoBuildList;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationNumber;
import org.enrollment.core.store.ChangeSet;
import org.enrollment.core.store.CommitResult;
import org.enrollment.core.store.RegistrationStore;
import org.enrollment.core.store.SharedStore;
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
 * updates ({@code SELECT ... FOR UPDATE}, in number order; on PostgreSQL one registration is locked by its update,
 * which writes it and its event in one statement), the children's index entries (inserts, in
 * resident ID order), the status rows of the schools whose places, waiting list or co-build count it
 * changes or checks (in code order), the season's row (shared on PostgreSQL; read to check the season the
 * command was judged by is still the one held; a change of season locks it before the head too), and last the
 * audit head row, which every commit and every refusal locks: appends queue there, so the hash chain stays linear
 * across nodes, and the head is held only for the last statement (on PostgreSQL, when this node appended last, the
 * season's check, the entry, its tree nodes and the head's move are that one statement) and the commit. What a
 * commit checks (versions, the waiting list it ends, the co-build count it was judged on, places against the plan)
 * it reads under those locks, so the checks cannot
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
 * <p><b>One clock, one season.</b> The database's clock is the nodes' clock and the season lives in the
 * database ({@link #shared()}): a registry on this store checks its clock against the database's and holds its
 * season there, so a node with a clock off by more than its bound, or with another season, refuses to act.
 *
 * <p>The schema lives in versioned scripts beside this class ({@code postgresql/V1.sql}, {@code V2.sql},
 * and the same for {@code h2}), applied once each on {@link #open}. Give the store a schema (or database) of its
 * own; its tables are written by the library only, and the audit tables refuse UPDATE and DELETE.
 */
public final class JdbcRegistrationStore implements RegistrationStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcRegistrationStore.class);
    private static final int FETCH_SIZE = 1_000;

    private final Database database;
    private final JdbcAuditTrail audit;
    private final NumberCounters counters;
    private final ChangeWriter writer;
    private final SeasonRows season;

    private JdbcRegistrationStore(Database database) {
        this.database = database;
        this.audit = new JdbcAuditTrail(database);
        this.counters = new NumberCounters(database);
        this.season = new SeasonRows(database, audit);
        this.writer = new ChangeWriter(database, audit, season);
    }

    /**
     * Opens the store on a data source: finds out whether it is PostgreSQL or H2, creates or migrates the
     * schema unless it is at the newest version already, checks that the database's guards (the audit tables'
     * triggers, the unique index of one active registration per child) are there and enabled, and returns the store. Every operation takes a connection from the data source and gives it
     * back; give a pooled one for speed.
     *
     * @throws IllegalArgumentException when the database is neither PostgreSQL nor H2
     * @throws JdbcStoreException when the database cannot be reached or migrated, or a guard is missing or
     *         disabled (naming it); for an H2 {@code mem:} URL
     *         without {@code ;DB_CLOSE_DELAY=-1}, saying to add it
     */
    public static JdbcRegistrationStore open(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        Dialect dialect;
        String url;
        try (Connection c = dataSource.getConnection()) {
            dialect = Dialect.of(c.getMetaData());
            url = c.getMetaData().getURL();
        } catch (SQLException e) {
            throw new JdbcStoreException("Opening the JDBC store failed: " + Database.message(e) + " (SQL state "
                    + e.getSQLState() + ").\nMaybe the database is not running, or the data source's URL, user or password is wrong.", e);
        }
        Database database = new Database(dataSource, dialect);
        try {
            int version = SchemaMigration.migrate(database);
            LOG.debug("JDBC store open on {}, schema version {}", dialect, version);
        } catch (SQLException e) {
            throw vanishingH2(url).map(hint -> new JdbcStoreException(hint, e)).orElseGet(() -> database.failure("Migrating the schema"
                    + " (if this account is the application's, run JdbcRegistrationStore.migrate with the tables' owner first)", e));
        }
        database.read("Checking the database's triggers and unique index", c -> {
            SchemaGuards.check(c, dialect);
            return null;
        });
        JdbcRegistrationStore store = new JdbcRegistrationStore(database);
        store.audit.buildTreeIfAbsent();
        return store;
    }

    /**
     * Creates or migrates the schema with the account that owns the tables (the migration role), and checks its
     * guards, without keeping a store: the application then {@link #open opens} the store with an account that may
     * only read and write rows (README, "Running on PostgreSQL").
     *
     * @throws JdbcStoreException as {@link #open} does
     */
    public static void migrate(DataSource owner) {
        open(owner);
    }

    /**
     * Why the migration failed when the database is H2 in memory without {@code DB_CLOSE_DELAY}: dropped whenever
     * its last connection closes, between one step of the store and the next.
     */
    private static Optional<String> vanishingH2(String url) {
        if (url == null || !url.startsWith("jdbc:h2:mem:") || url.toUpperCase(Locale.ROOT).contains("DB_CLOSE_DELAY")) {
            return Optional.empty();
        }
        return Optional.of("Migrating the schema failed on " + url + ": an H2 in-memory database vanishes when its last "
                + "connection closes, between the store's steps.\nMaybe use " + url + ";DB_CLOSE_DELAY=-1.");
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
    public long record(AuditRecord record) {
        Objects.requireNonNull(record, "record");
        return audit.appendAlone(record, season).sequence();
    }

    @Override
    public AuditTrail audit() {
        return audit;
    }

    /** Streams every registration in creation order, in one statement's snapshot. */
    /** Always: the database outlives every node. */
    @Override
    public boolean outlivesProcess() {
        return true;
    }

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
        return audit.queued(() -> commitQueued(changes, record));
    }

    private CommitResult commitQueued(ChangeSet changes, AuditRecord record) {
        try {
            return database.inTransaction(c -> {
                List<RegistrationNumber> numbers = counters.issue(c, changes.inserts());
                CommitResult result = writer.write(c, changes, record, numbers);
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
                return ChangeWriter.stale("a concurrent commit got in the way (" + e.getSQLState() + ": " + Database.message(e) + ")");
            }
            throw database.failure("Committing a change", e);
        }
    }

    /** The database's clock and the season held in it ({@code season} table), shared by every node. */
    @Override
    public Optional<SharedStore> shared() {
        return Optional.of(season);
    }

    @Override
    public String toString() {
        return "JdbcRegistrationStore[" + database.dialect() + "]";
    }
}
