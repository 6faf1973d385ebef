package org.enrollment.core.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.enrollment.core.audit.AuditRecord;
import org.enrollment.core.audit.AuditTrail;
import org.enrollment.core.audit.InMemoryAuditTrail;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.registration.CoBuildList;
import org.enrollment.core.registration.NewRegistration;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationNumber;
import org.enrollment.core.store.ChangeSet;
import org.enrollment.core.store.CommitResult;
import org.enrollment.core.store.RegistrationStore;

/**
 * A deliberately racy store, for proving that the concurrency checks can fail: it checks that a child holds
 * no active registration and then inserts, with no lock between the check and the act, so two registrations
 * of one child at once may both get in. Versions are checked the same way. It knows registrations and their
 * steps only (no co-build lists); a single thread sees a correct store.
 */
final class CheckThenActStore implements RegistrationStore {

    private final Map<RegistrationNumber, Registration> byNumber = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();
    private final AuditTrail audit = new InMemoryAuditTrail();

    @Override
    public Optional<Registration> find(RegistrationNumber number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    @Override
    public List<Registration> ofChild(ResidentId child) {
        return byNumber.values().stream().filter(r -> r.child().equals(child))
                .sorted((a, b) -> Boolean.compare(a.isActive(), b.isActive()) != 0 ? Boolean.compare(a.isActive(), b.isActive())
                        : a.number().compareTo(b.number()))
                .toList();
    }

    @Override
    public List<Registration> ofSchool(String school) {
        return byNumber.values().stream().filter(r -> r.school().equals(school)).toList();
    }

    @Override
    public int placesTaken(String school) {
        return (int) byNumber.values().stream().filter(r -> r.school().equals(school) && r.state().occupiesPlace()).count();
    }

    @Override
    public Optional<CoBuildList> waitingList(String school) {
        return Optional.empty();
    }

    @Override
    public CommitResult commit(ChangeSet changes, AuditRecord record) {
        if (changes.waitingList() != null || changes.endWaitingList() != null) {
            throw new UnsupportedOperationException("The check-then-act store keeps no co-build lists.");
        }
        for (Registration u : changes.updates()) {
            Registration current = byNumber.get(u.number());
            if (current == null || current.version() + 1 != u.version()) {
                return new CommitResult.Conflict(CommitResult.Conflict.Kind.STALE, "registration " + u.number() + " changed");
            }
        }
        for (NewRegistration n : changes.inserts()) {
            if (ofChild(n.child()).stream().anyMatch(Registration::isActive)) {
                return new CommitResult.Conflict(CommitResult.Conflict.Kind.DUPLICATE_REGISTRATION,
                        "child " + n.child() + " already holds a registration that is not withdrawn");
            }
        }
        // The race: between the checks above and the writes below, another commit may do the same. The yield holds
        // the window open however the threads are scheduled (on a loaded machine they rarely overlap by themselves).
        Thread.yield();
        List<Registration> written = new ArrayList<>(changes.updates());
        changes.updates().forEach(u -> byNumber.put(u.number(), u));
        for (NewRegistration n : changes.inserts()) {
            long seq = sequences.computeIfAbsent(n.district(), d -> new AtomicLong()).incrementAndGet();
            Registration r = Registration.create(RegistrationNumber.of(n.district(), n.year(), seq), n.child(), n.name(),
                    n.household(), n.district(), n.school(), n.route(), n.coBuildUnit(), n.state(), n.at());
            byNumber.put(r.number(), r);
            written.add(r);
        }
        long sequence = audit.add(record.written(new org.enrollment.core.audit.WrittenState(written, changes.waitingList(), changes.endWaitingList())));
        return new CommitResult.Committed(written, sequence);
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
        byNumber.values().forEach(visitor);
    }
}
