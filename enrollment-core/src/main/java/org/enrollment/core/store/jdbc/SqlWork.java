package org.enrollment.core.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on one connection, which may throw what the driver throws. */
@FunctionalInterface
interface SqlWork<T> {

    /** Does the work. */
    T run(Connection connection) throws SQLException;
}
