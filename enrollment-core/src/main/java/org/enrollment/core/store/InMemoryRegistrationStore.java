package org.enrollment.core.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.enrollment.core.audit.AuditEntry;
import org.enrollment.core.audit.AuditRecord;
import org.enrollment.core.audit.AuditTrail;
import org.enrollment.core.audit.InMemoryAuditTrail;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.registration.CoBuildList;
import org.enrollment.core.registration.NewRegistration;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationNumber;

/**
 * The embedded default store: everything in memory, safe for many threads.
 *
 * <p>No global lock guards the registrations: a commit locks the stripes of the children and schools it
 * touches, in one global order, checks under them what the judgement read (versions, the co-build list it
 * ends, the co-build count), uniqueness and plans, writes, and appends
 * the audit entry before letting go. Reads take no lock.
 */
public final class InMemoryRegistrationStore implements RegistrationStore {

    private static final int STRIPES = 1024;

    private final ReentrantLock[] locks = new ReentrantLock[2 * STRIPES];
    private final Map<RegistrationNumber, Registration> byNumber = new ConcurrentHashMap<>();
    private final Map<ResidentId, List<RegistrationNumber>> byChild = new ConcurrentHashMap<>();
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
     * An empty store writing its audit log to this trail, e.g. a {@link org.enrollment.core.audit.FileAuditTrail}
     * for a season whose log is too large to keep in memory. The trail must be empty.
     */
    public InMemoryRegistrationStore(AuditTrail audit) {
        this.audit = Objects.requireNonNull(audit, "audit");
        if (audit.head().count() != 0) {
            throw new IllegalArgumentException("An in-memory store starts empty, but its audit log has " + audit.head().count()
                    + " entries.\nMaybe give it a new file.");
        }
        Arrays.setAll(locks, i -> new ReentrantLock());
    }

    @Override
    public Optional<Registration> find(RegistrationNumber number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    @Override
    public List<Registration> ofChild(ResidentId child) {
        List<RegistrationNumber> numbers = byChild.getOrDefault(child, List.of());
        List<Registration> result = new ArrayList<>(numbers.size());
        for (RegistrationNumber n : numbers) {
            result.add(byNumber.get(n));
        }
        return result;
    }

    @Override
    public List<Registration> ofSchool(String school) {
        Set<RegistrationNumber> numbers = bySchool.getOrDefault(school, Set.of());
        List<Registration> result = new ArrayList<>(numbers.size());
        for (RegistrationNumber n : numbers) {
            Registration r = byNumber.get(n);
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
    public AuditEntry record(AuditRecord record) {
        return audit.append(record);
    }

    @Override
    public AuditTrail audit() {
        return audit;
    }

    @Override
    public void forEach(Consumer<Registration> visitor) {
        byNumber.values().forEach(visitor);
    }

    @Override
    public CommitResult commit(ChangeSet changes, AuditRecord record) {
        Map<RegistrationNumber, Registration> before = new HashMap<>();
        for (Registration u : changes.updates()) {
            Registration current = byNumber.get(u.number());
            if (current == null) {
                return new CommitResult.Conflict(CommitResult.Conflict.Kind.STALE, "registration " + u.number() + " does not exist");
            }
            before.put(u.number(), current);
        }
        TreeSet<Integer> stripes = lockStripes(changes, before);
        List<ReentrantLock> held = new ArrayList<>(stripes.size());
        try {
            for (int s : stripes) {
                locks[s].lock();
                held.add(locks[s]);
            }
            CommitResult.Conflict conflict = check(changes, before);
            if (conflict != null) {
                return conflict;
            }
            List<Registration> written = apply(changes, before);
            List<String> targets = written.stream().map(r -> r.number().value()).toList();
            AuditEntry entry = audit.append(record.withTargets(targets));
            return new CommitResult.Committed(written, entry);
        } finally {
            for (int i = held.size() - 1; i >= 0; i--) {
                held.get(i).unlock();
            }
        }
    }

    private TreeSet<Integer> lockStripes(ChangeSet changes, Map<RegistrationNumber, Registration> before) {
        TreeSet<Integer> stripes = new TreeSet<>();
        for (Registration u : changes.updates()) {
            stripes.add(schoolStripe(u.school()));
            stripes.add(schoolStripe(before.get(u.number()).school()));
            stripes.add(childStripe(u.child()));
        }
        for (NewRegistration n : changes.inserts()) {
            stripes.add(schoolStripe(n.school()));
            stripes.add(childStripe(n.child()));
        }
        if (changes.waitingList() != null) {
            stripes.add(schoolStripe(changes.waitingList().school()));
        }
        if (changes.endWaitingList() != null) {
            stripes.add(schoolStripe(changes.endWaitingList().school()));
        }
        if (changes.coBuildCount() != null) {
            stripes.add(schoolStripe(changes.coBuildCount().school()));
        }
        return stripes;
    }

    private static int schoolStripe(String school) {
        return Math.floorMod(school.hashCode(), STRIPES);
    }

    private static int childStripe(ResidentId child) {
        return STRIPES + Math.floorMod(child.hashCode(), STRIPES);
    }

    /**
     * What keeps the change from being written, if anything: first what the judgement read of a school that has
     * changed since (the command is then judged again, never refused on stale facts), then versions, uniqueness
     * and plans.
     */
    private CommitResult.Conflict check(ChangeSet changes, Map<RegistrationNumber, Registration> before) {
        CoBuildList ending = changes.endWaitingList();
        if (ending != null && !ending.equals(waitingLists.get(ending.school()))) {
            return new CommitResult.Conflict(CommitResult.Conflict.Kind.STALE, "the co-build list waiting at " + ending.school() + " changed");
        }
        CoBuildCount judged = changes.coBuildCount();
        if (judged != null) {
            CommitResult.Conflict changed = judged.conflictIfNot(CoBuildCount.of(judged.unit(), judged.school(), ofSchool(judged.school())).active())
                    .orElse(null);
            if (changed != null) {
                return changed;
            }
        }
        Map<String, Integer> delta = new HashMap<>();
        Set<ResidentId> freed = new HashSet<>();
        for (Registration u : changes.updates()) {
            Registration current = byNumber.get(u.number());
            if (current != before.get(u.number()) || current.version() + 1 != u.version()) {
                return new CommitResult.Conflict(CommitResult.Conflict.Kind.STALE, "registration " + u.number() + " changed");
            }
            if (current.state().occupiesPlace()) {
                delta.merge(current.school(), -1, Integer::sum);
            }
            if (u.state().occupiesPlace()) {
                delta.merge(u.school(), 1, Integer::sum);
            }
            if (current.isActive() && !u.isActive()) {
                freed.add(u.child());
            }
        }
        Set<ResidentId> inserted = new HashSet<>();
        for (NewRegistration n : changes.inserts()) {
            if (!inserted.add(n.child()) || !freed.contains(n.child()) && activeOf(n.child()) != null) {
                return new CommitResult.Conflict(CommitResult.Conflict.Kind.DUPLICATE_REGISTRATION,
                        "child " + n.child() + " already holds a registration that is not withdrawn");
            }
            if (n.state().occupiesPlace()) {
                delta.merge(n.school(), 1, Integer::sum);
            }
        }
        for (Map.Entry<String, Integer> d : delta.entrySet()) {
            if (d.getValue() > 0 && placesTaken(d.getKey()) + d.getValue() > changes.planOf(d.getKey())) {
                return new CommitResult.Conflict(CommitResult.Conflict.Kind.PLAN_FULL,
                        "school " + d.getKey() + " has " + placesTaken(d.getKey()) + " of " + changes.planOf(d.getKey()) + " places taken");
            }
        }
        return null;
    }

    private Registration activeOf(ResidentId child) {
        List<RegistrationNumber> numbers = byChild.get(child);
        if (numbers == null || numbers.isEmpty()) {
            return null;
        }
        Registration last = byNumber.get(numbers.get(numbers.size() - 1));
        return last.isActive() ? last : null;
    }

    private List<Registration> apply(ChangeSet changes, Map<RegistrationNumber, Registration> before) {
        List<Registration> written = new ArrayList<>(changes.updates().size() + changes.inserts().size());
        for (Registration u : changes.updates()) {
            Registration old = before.get(u.number());
            byNumber.put(u.number(), u);
            if (!old.school().equals(u.school())) {
                bySchool.get(old.school()).remove(u.number());
                bySchool.computeIfAbsent(u.school(), s -> ConcurrentHashMap.newKeySet()).add(u.number());
            }
            adjustPlaces(old, -1);
            adjustPlaces(u, 1);
            written.add(u);
        }
        for (NewRegistration n : changes.inserts()) {
            long seq = sequences.computeIfAbsent(n.district() + '/' + n.year(), k -> new AtomicLong()).incrementAndGet();
            RegistrationNumber number = RegistrationNumber.of(n.district(), n.year(), seq);
            Registration r = Registration.create(number, n.child(), n.name(), n.household(), n.district(), n.school(),
                    n.route(), n.coBuildUnit(), n.state(), n.at());
            byNumber.put(number, r);
            byChild.merge(n.child(), List.of(number), (a, b) -> {
                List<RegistrationNumber> all = new ArrayList<>(a);
                all.addAll(b);
                return List.copyOf(all);
            });
            bySchool.computeIfAbsent(n.school(), s -> ConcurrentHashMap.newKeySet()).add(number);
            adjustPlaces(r, 1);
            written.add(r);
        }
        if (changes.endWaitingList() != null) {
            waitingLists.remove(changes.endWaitingList().school(), changes.endWaitingList());
        }
        if (changes.waitingList() != null) {
            CoBuildList w = changes.waitingList();
            waitingLists.put(w.school(), new CoBuildList(waitingListIds.incrementAndGet(), w.unit(), w.school(), w.children(), w.at()));
        }
        return written;
    }

    private void adjustPlaces(Registration r, int by) {
        if (r.state().occupiesPlace()) {
            placesTaken.merge(r.school(), by, Integer::sum);
        }
    }
}
