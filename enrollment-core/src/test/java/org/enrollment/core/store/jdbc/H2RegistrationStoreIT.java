package org.enrollment.core.store.jdbc;

import org.enrollment.core.store.RegistrationStore;
import org.enrollment.core.store.RegistrationStoreContract;

/** The store contract on the JDBC store over an in-memory H2 database. */
class H2RegistrationStoreIT extends RegistrationStoreContract {

    @Override
    protected RegistrationStore newStore() {
        return JdbcRegistrationStore.open(TestDatabase.H2.fresh());
    }
}
