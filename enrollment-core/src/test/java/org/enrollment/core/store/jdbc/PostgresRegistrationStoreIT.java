package org.enrollment.core.store.jdbc;

import org.enrollment.core.store.RegistrationStore;
import org.enrollment.core.store.RegistrationStoreContract;

/** The store contract on the JDBC store over a real (embedded) PostgreSQL. */
class PostgresRegistrationStoreIT extends RegistrationStoreContract {

    @Override
    protected RegistrationStore newStore() {
        return JdbcRegistrationStore.open(TestDatabase.POSTGRESQL.fresh());
    }
}
