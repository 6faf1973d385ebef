package org.enrollment.core.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.enrollment.core.audit.LogReplay;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationNumber;

/**
 * A store checked against its audit log: every registration row compared with what replaying the log says
 * ({@link LogReplay}), each one that differs named with the fields that differ (resident IDs and names are
 * said to differ, never shown). What the store holds and the log does not, and the reverse, is named too.
 * Run it when the store is quiet: it reads the store while others may write.
 */
public final class StoreCheck {

    private final List<String> differences;
    private final List<String> replayProblems;
    private final long checked;

    private StoreCheck(List<String> differences, List<String> replayProblems, long checked) {
        this.differences = List.copyOf(differences);
        this.replayProblems = List.copyOf(replayProblems);
        this.checked = checked;
    }

    /** Compares every registration of the store with the replay of its log. */
    public static StoreCheck of(RegistrationStore store, LogReplay replay) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(replay, "replay");
        List<String> differences = new ArrayList<>();
        Set<RegistrationNumber> seen = new HashSet<>();
        long[] checked = {0};
        store.forEach(r -> {
            checked[0]++;
            seen.add(r.number());
            Registration logged = replay.registrations().get(r.number());
            if (logged == null) {
                differences.add("registration " + r.number() + " is in the store but not in the log");
                return;
            }
            List<String> fields = differingFields(r, logged);
            if (!fields.isEmpty()) {
                differences.add("registration " + r.number() + ": " + String.join(", ", fields));
            }
        });
        for (RegistrationNumber n : replay.registrations().keySet()) {
            if (!seen.contains(n)) {
                differences.add("registration " + n + " is in the log but not in the store");
            }
        }
        differences.sort(null);
        return new StoreCheck(differences, replay.problems(), checked[0]);
    }

    private static List<String> differingFields(Registration stored, Registration logged) {
        List<String> fields = new ArrayList<>();
        differs(fields, "child", stored.child().equals(logged.child()), null, null);
        differs(fields, "name", stored.name().equals(logged.name()), null, null);
        differs(fields, "household", stored.household().equals(logged.household()), stored.household(), logged.household());
        differs(fields, "district", stored.district().equals(logged.district()), stored.district(), logged.district());
        differs(fields, "school", stored.school().equals(logged.school()), stored.school(), logged.school());
        differs(fields, "route", stored.route() == logged.route(), stored.route(), logged.route());
        differs(fields, "co-build unit", Objects.equals(stored.coBuildUnit(), logged.coBuildUnit()), stored.coBuildUnit(), logged.coBuildUnit());
        differs(fields, "state", stored.state() == logged.state(), stored.state(), logged.state());
        differs(fields, "version", stored.version() == logged.version(), stored.version(), logged.version());
        differs(fields, "history", stored.history().equals(logged.history()), stored.history().size() + " events", logged.history().size() + " events");
        return fields;
    }

    private static void differs(List<String> fields, String field, boolean same, Object stored, Object logged) {
        if (!same) {
            fields.add(stored == null ? field + " differs from the log"
                    : field + " is " + stored + " in the store, " + logged + " in the log");
        }
    }

    /** Whether the store holds exactly what the log says and the whole log replayed. */
    public boolean holds() {
        return differences.isEmpty() && replayProblems.isEmpty();
    }

    /** Each registration that differs from the log, named, with what differs; sorted. */
    public List<String> differences() {
        return differences;
    }

    /** The entries that did not replay (see {@link LogReplay#problems()}). */
    public List<String> replayProblems() {
        return replayProblems;
    }

    /** How many registrations of the store were compared. */
    public long registrationsChecked() {
        return checked;
    }

    @Override
    public String toString() {
        return "StoreCheck[" + checked + " registrations, " + differences.size() + " differ, " + replayProblems.size() + " replay problems]";
    }
}
