package org.enrollment.core.registry;

import org.enrollment.core.store.InMemoryRegistrationStore;
import org.enrollment.core.store.RegistrationStore;

/** Hostile input through the commands API ({@link HostileInputContract}) on the in-memory store. */
class HostileInputProperties extends HostileInputContract {

    @Override
    protected RegistrationStore newStore() {
        return new InMemoryRegistrationStore();
    }
}
