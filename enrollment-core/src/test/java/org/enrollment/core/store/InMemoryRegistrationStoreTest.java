package org.enrollment.core.store;

/** The store contract on the in-memory store. */
class InMemoryRegistrationStoreTest extends RegistrationStoreContract {

    @Override
    protected RegistrationStore newStore() {
        return new InMemoryRegistrationStore();
    }
}
