package org.enrollment.core.audit;

import java.util.List;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.registration.CoBuildList;
import org.enrollment.core.registration.Registration;

/**
 * What one accepted command wrote to the store, as its audit entry keeps it (sealed, see {@link StateSeal}) so
 * that replaying the log rebuilds every registration: each registration as written, of whose history only the
 * newest event is kept (the events before are in earlier entries), and the co-build list it put to wait or
 * ended.
 *
 * @param registrations the registrations as written, each with the last event of its history only
 * @param waiting the co-build list now waiting at its school, or {@code null}
 * @param ended the co-build list that ended, or {@code null}
 */
public record WrittenState(List<Registration> registrations, CoBuildList waiting, CoBuildList ended) {

    /** Freezes the list. */
    public WrittenState {
        registrations = List.copyOf(registrations);
    }

    /** Nothing written. */
    public boolean isEmpty() {
        return registrations.isEmpty() && waiting == null && ended == null;
    }

    @Override
    public String toString() {
        return ResidentId.maskAll("WrittenState[" + registrations.size() + " registrations"
                + (waiting != null ? ", a list waiting at " + waiting.school() : "")
                + (ended != null ? ", the list at " + ended.school() + " ended" : "") + "]");
    }
}
