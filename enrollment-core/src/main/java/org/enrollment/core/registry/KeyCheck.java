package org.enrollment.core.registry;

import java.util.Optional;
import org.enrollment.core.audit.AuditEntry;
import org.enrollment.core.audit.AuditTrail;

/** Refuses a child key other than the one the log's last entry was written under. */
final class KeyCheck {

    private KeyCheck() {
    }

    static void refuseOtherKey(AuditTrail audit, String keyId) {
        long size = audit.head().count();
        if (size == 0) {
            return;
        }
        Optional<String> logged = audit.entries(size - 1, size).get(0).keyId();
        if (logged.isPresent() && !logged.get().equals(keyId)) {
            throw new IllegalStateException("The audit log's entries are written under child key " + logged.get()
                    + ", but the registry was given key " + keyId + ".\nMaybe give it the key the log was written with;"
                    + " a new key starts a new log (see the README on rotating it).");
        }
    }
}
