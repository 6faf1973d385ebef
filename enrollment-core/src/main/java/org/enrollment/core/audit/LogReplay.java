package org.enrollment.core.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.LinkedHashMap;
import org.enrollment.core.registration.CoBuildList;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationEvent;
import org.enrollment.core.registration.RegistrationNumber;

/**
 * Every registration and waiting co-build list rebuilt from the audit log alone (the log is the source of
 * truth): the sealed state of each accepted entry opened, in order, each registration taking the newest
 * event of its entry onto the history before, in the order the log created them. Entries that cannot be opened (another key, altered) or that do
 * not follow on (a version skipped) are named in {@link #problems()}.
 */
public final class LogReplay {

    private static final int PAGE = 10_000;

    private final Map<RegistrationNumber, Registration> registrations = new LinkedHashMap<>();
    private final Map<String, CoBuildList> waiting = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private long entries;

    private LogReplay() {
    }

    /**
     * Replays the whole log, opening its sealed states with these seals (one per child key the log was
     * written under, found by the key id each entry records).
     */
    public static LogReplay of(AuditTrail trail, StateSeal... seals) {
        Objects.requireNonNull(trail, "trail");
        Map<String, StateSeal> byId = new HashMap<>();
        for (StateSeal s : seals) {
            byId.put(s.keyId(), s);
        }
        LogReplay replay = new LogReplay();
        long size = trail.head().count();
        for (long from = 0; from < size; from += PAGE) {
            for (AuditEntry e : trail.entries(from, Math.min(size, from + PAGE))) {
                replay.take(e, byId);
            }
        }
        return replay;
    }

    private void take(AuditEntry e, Map<String, StateSeal> seals) {
        entries++;
        Optional<String> sealed = plainField(e.body(), "state");
        if (sealed.isEmpty()) {
            return;
        }
        String key = plainField(e.body(), "key").orElse("");
        StateSeal seal = seals.get(key);
        if (seal == null) {
            problems.add("entry " + e.sequence() + " is sealed under child key " + key + ", which was not given");
            return;
        }
        Optional<WrittenState> state = seal.open(sealed.get());
        if (state.isEmpty()) {
            problems.add("entry " + e.sequence() + ": its sealed state does not open under key " + key + " (altered)");
            return;
        }
        for (Registration r : state.get().registrations()) {
            Registration before = registrations.get(r.number());
            long expected = before == null ? 1 : before.version() + 1;
            if (r.version() != expected) {
                problems.add("entry " + e.sequence() + ": registration " + r.number() + " is at version " + r.version()
                        + " where the log before leads to " + expected);
            }
            List<RegistrationEvent> history = new ArrayList<>(before == null ? List.of() : before.history());
            history.addAll(r.history());
            registrations.put(r.number(), new Registration(r.number(), r.child(), r.name(), r.household(), r.district(),
                    r.school(), r.route(), r.coBuildUnit(), r.state(), r.version(), history));
        }
        CoBuildList ended = state.get().ended();
        if (ended != null) {
            waiting.remove(ended.school(), ended);
        }
        CoBuildList put = state.get().waiting();
        if (put != null) {
            waiting.put(put.school(), put);
        }
    }

    /** The value of a string field written without escapes (base64, hex), or empty when the body has none. */
    static Optional<String> plainField(String body, String name) {
        String mark = ",\"" + name + "\":\"";
        int at = body.lastIndexOf(mark);
        if (at < 0) {
            return Optional.empty();
        }
        int start = at + mark.length();
        int end = body.indexOf('"', start);
        return end < 0 ? Optional.empty() : Optional.of(body.substring(start, end));
    }

    /** Every registration the log leads to, by number. */
    public Map<RegistrationNumber, Registration> registrations() {
        return java.util.Collections.unmodifiableMap(registrations);
    }

    /** The co-build lists the log leaves waiting, by school. */
    public Map<String, CoBuildList> waitingLists() {
        return java.util.Collections.unmodifiableMap(waiting);
    }

    /** What did not replay, each naming its entry; empty when every entry did. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** How many entries were read. */
    public long entries() {
        return entries;
    }

    @Override
    public String toString() {
        return "LogReplay[" + entries + " entries, " + registrations.size() + " registrations, " + problems.size() + " problems]";
    }
}
