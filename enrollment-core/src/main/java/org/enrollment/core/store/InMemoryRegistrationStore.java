package org.enrollment.core.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.enrollment.core.audit.AuditRecord;
import org.enrollment.core.audit.AuditTrail;
import org.enrollment.core.audit.FileAuditTrail;
import org.enrollment.core.audit.InMemoryAuditTrail;
import org.enrollment.core.audit.LogReplay;
import org.enrollment.core.audit.StateSeal;
import org.enrollment.core.audit.WrittenState;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.registration.CoBuildList;
import org.enrollment.core.registration.NewRegistration;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationNumber;

/**
 * The embedded default store: everything in memory, safe for many threads; with a {@link FileAuditTrail}, the
 * embedded durable mode (see {@link #resumed}).
 *
 * <p>No global lock guards the registrations: a commit locks the stripes of the children and schools it
 * touches, in one global order, checks under them what the judgement read (versions, the co-build list it
 * ends, the co-build count), uniqueness and plans, appends the audit entry, and only when that
 * succeeded changes the state, before letting go: a failed append changes nothing. Reads take no lock. The
 * in-memory trail seals the entry on its own thread ({@link InMemoryAuditTrail#add}): a failure there is thrown by
 * the trail's next call; a {@link FileAuditTrail} appends and forces the entry before the state changes.
 */
public final class InMemoryRegistrationStore implements RegistrationStore {

    private static final int STRIPES = 1024;

    private final ReentrantLock[] locks = new ReentrantLock[2 * STRIPES];
    /** Each registration's child's entry, put once, when the registration is made. */
    private final Map<RegistrationNumber, ChildRegistrations> byNumber = new ConcurrentHashMap<>();
    private final Map<ResidentId, ChildRegistrations> byChild = new ConcurrentHashMap<>();
    private final Map<String, Set<RegistrationNumber>> bySchool = new ConcurrentHashMap<>();
    private final Map<String, Integer> placesTaken = new ConcurrentHashMap<>();
    private final Map<String, CoBuildList> waitingLists = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();
    private final AtomicLong waitingListIds = new AtomicLong();
    private final AuditTrail audit;

    /** An empty store with its audit log in memory. */
    public InMemoryRegistrationStore() {
        this(new InMemoryAuditTrail());
    }

    /**
     * An empty store writing its audit log to this trail, e.g. a {@link FileAuditTrail}: the embedded durable
     * mode, in which a state change is made only after its entry is in the trail. The trail must be empty; to go
     * on from a trail with entries, use {@link #resumed}.
     */
    public InMemoryRegistrationStore(AuditTrail audit) {
        this.audit = Objects.requireNonNull(audit, "audit");
        if (audit.head().count() != 0) {
            throw new IllegalArgumentException("An in-memory store starts empty, but its audit log has " + audit.head().count()
                    + " entries.\nMaybe resume from it: InMemoryRegistrationStore.resumed(trail, childKey).");
        }
        Arrays.setAll(locks, i -> new ReentrantLock());
    }

    private InMemoryRegistrationStore(AuditTrail audit, LogReplay replay) {
        this.audit = audit;
        Arrays.setAll(locks, i -> new ReentrantLock());
        install(List.copyOf(replay.registrations().values()), Map.of(), null, null);
        for (Registration r : replay.registrations().values()) {
            String n = r.number().value();
            sequences.computeIfAbsent(r.number().district() + '/' + Integer.parseInt(n.substring(7, 11)), k -> new AtomicLong())
                    .accumulateAndGet(Long.parseLong(n.substring(12, 18)), Math::max);
        }
        for (CoBuildList w : replay.waitingLists().values()) {
            waitingLists.put(w.school(), w);
            waitingListIds.accumulateAndGet(w.id(), Math::max);
        }
    }

    /**
     * The store as its audit log leaves it: every registration and waiting co-build list rebuilt by replaying
     * the trail ({@link LogReplay}), appends going on after its last entry. A restart of the embedded durable
     * mode: the state is exactly the one every acknowledged command left.
     *
     * @param childKey the key the log was written under (the registry's {@code childKey})
     * @throws IllegalStateException when an entry does not replay, naming it (another key, an altered entry)
     */
    public static InMemoryRegistrationStore resumed(AuditTrail audit, byte[] childKey) {
        LogReplay replay = LogReplay.of(Objects.requireNonNull(audit, "audit"), new StateSeal(childKey));
        if (!replay.problems().isEmpty()) {
            throw new IllegalStateException("The audit log does not replay (" + replay.problems().size() + " problems): "
                    + String.join("; ", replay.problems().subList(0, Math.min(3, replay.problems().size())))
                    + ".\nMaybe the child key is not the one the log was written with.");
        }
        return new InMemoryRegistrationStore(audit, replay);
    }

    /** Whether the store outlives the process: when its audit log is a file, from which it can be resumed. */
    @Override
    public boolean outlivesProcess() {
        return audit instanceof FileAuditTrail;
    }

    @Override
    public Optional<Registration> find(RegistrationNumber number) {
        return Optional.ofNullable(current(number));
    }

    private Registration current(RegistrationNumber number) {
        ChildRegistrations entry = byNumber.get(number);
        return entry == null ? null : entry.find(number);
    }

    /** The child's registrations as the last commit that wrote one left them: one look-up, no copy (the list is immutable). */
    @Override
    public List<Registration> ofChild(ResidentId child) {
        ChildRegistrations entry = byChild.get(child);
        return entry == null ? List.of() : entry.all();
    }

    @Override
    public List<Registration> ofSchool(String school) {
        Set<RegistrationNumber> numbers = bySchool.getOrDefault(school, Set.of());
        List<Registration> result = new ArrayList<>(numbers.size());
        for (RegistrationNumber n : numbers) {
            Registration r = current(n);
            if (r != null && r.school().equals(school)) {
                result.add(r);
            }
        }
        return result;
    }

    @Override
    public int placesTaken(String school) {
        return placesTaken.getOrDefault(school, 0);
    }

    @Override
    public Optional<CoBuildList> waitingList(String school) {
        return Optional.ofNullable(waitingLists.get(school));
    }

    @Override
    public long record(AuditRecord record) {
        return audit.add(record);
    }

    @Override
    public AuditTrail audit() {
        return audit;
    }

    @Override
    public void forEach(Consumer<Registration> visitor) {
        byChild.values().forEach(entry -> entry.all().forEach(visitor));
    }

    @Override
    public CommitResult commit(ChangeSet changes, AuditRecord record) {
        Map<RegistrationNumber, Registration> before = new HashMap<>();
        for (Registration u : changes.updates()) {
            Registration current = current(u.number());
            if (current == null) {
                return new CommitResult.Conflict(CommitResult.Conflict.Kind.STALE, "registration " + u.number() + " does not exist");
            }
            before.put(u.number(), current);
        }
        int[] stripes = lockStripes(changes, before);
        int held = 0;
        try {
            for (int s : stripes) {
                locks[s].lock();
                held++;
            }
            CommitResult.Conflict conflict = CommitCheck.of(this, changes, before);
            if (conflict != null) {
                return conflict;
            }
            List<Registration> written = numbered(changes);
            CoBuildList w = changes.waitingList();
            CoBuildList waiting = w == null ? null : new CoBuildList(waitingListIds.incrementAndGet(), w.unit(), w.school(), w.children(), w.at());
            long sequence = audit.add(record.written(new WrittenState(written, waiting, changes.endWaitingList())));
            install(written, before, waiting, changes.endWaitingList());
            return new CommitResult.Committed(written, sequence);
        } finally {
            for (int i = held - 1; i >= 0; i--) {
                locks[stripes[i]].unlock();
            }
        }
    }

    /** The stripes the change locks, each once, in ascending order (the global order that keeps commits from deadlocking). */
    private int[] lockStripes(ChangeSet changes, Map<RegistrationNumber, Registration> before) {
        int[] stripes = new int[3 * changes.updates().size() + 2 * changes.inserts().size() + 3];
        int n = 0;
        for (Registration u : changes.updates()) {
            stripes[n++] = schoolStripe(u.school());
            stripes[n++] = schoolStripe(before.get(u.number()).school());
            stripes[n++] = childStripe(u.child());
        }
        for (NewRegistration r : changes.inserts()) {
            stripes[n++] = schoolStripe(r.school());
            stripes[n++] = childStripe(r.child());
        }
        if (changes.waitingList() != null) {
            stripes[n++] = schoolStripe(changes.waitingList().school());
        }
        if (changes.endWaitingList() != null) {
            stripes[n++] = schoolStripe(changes.endWaitingList().school());
        }
        if (changes.coBuildCount() != null) {
            stripes[n++] = schoolStripe(changes.coBuildCount().school());
        }
        Arrays.sort(stripes, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || stripes[i] != stripes[distinct - 1]) {
                stripes[distinct++] = stripes[i];
            }
        }
        return Arrays.copyOf(stripes, distinct);
    }

    private static int schoolStripe(String school) {
        return Math.floorMod(school.hashCode(), STRIPES);
    }

    private static int childStripe(ResidentId child) {
        return STRIPES + Math.floorMod(child.hashCode(), STRIPES);
    }

    /** The registrations the change writes, created ones with their numbers; nothing is installed yet. */
    private List<Registration> numbered(ChangeSet changes) {
        List<Registration> written = new ArrayList<>(changes.updates().size() + changes.inserts().size());
        written.addAll(changes.updates());
        for (NewRegistration n : changes.inserts()) {
            long seq = sequences.computeIfAbsent(n.district() + '/' + n.year(), k -> new AtomicLong()).incrementAndGet();
            RegistrationNumber number = RegistrationNumber.of(n.district(), n.year(), seq);
            written.add(Registration.create(number, n.child(), n.name(), n.household(), n.district(), n.school(),
                    n.route(), n.coBuildUnit(), n.state(), n.at()));
        }
        return written;
    }

    /** Installs what was written, once its audit entry is in the log. */
    private void install(List<Registration> written, Map<RegistrationNumber, Registration> before, CoBuildList waiting, CoBuildList ended) {
        for (Registration r : written) {
            Registration old = before.get(r.number());
            ChildRegistrations entry = byChild.get(r.child());
            if (entry == null) {
                entry = new ChildRegistrations();
                byChild.put(r.child(), entry);
            }
            if (old == null) {
                byNumber.put(r.number(), entry); // before it is written: whoever reads it by child then finds it by number
            }
            entry.write(r);
            if (old == null) {
                listAtSchool(r);
            } else {
                adjustPlaces(old, -1);
                if (!old.school().equals(r.school())) {
                    bySchool.get(old.school()).remove(r.number());
                    listAtSchool(r);
                }
            }
            adjustPlaces(r, 1);
        }
        if (ended != null) {
            waitingLists.remove(ended.school(), ended);
        }
        if (waiting != null) {
            waitingLists.put(waiting.school(), waiting);
        }
    }

    /** Lists the registration at its school: once, when it is made or moves there (the sets' adds lock a bin). */
    private void listAtSchool(Registration r) {
        bySchool.computeIfAbsent(r.school(), s -> ConcurrentHashMap.newKeySet()).add(r.number());
    }

    private void adjustPlaces(Registration r, int by) {
        if (r.state().occupiesPlace()) {
            placesTaken.merge(r.school(), by, Integer::sum);
        }
    }
}
