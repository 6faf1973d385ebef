package org.enrollment.core.store.jdbc;

import java.sql.SQLException;
import org.enrollment.core.child.ResidentId;

/**
 * The database failed in a way the store cannot settle: it is down, a statement was refused, the tables
 * were changed outside the library. Business refusals and lost races are never this exception: they come
 * back as {@link org.enrollment.core.store.CommitResult.Conflict}.
 */
public final class JdbcStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure while doing something.
     *
     * @param message what the store was doing, and what went wrong
     * @param cause the driver's exception, with its SQL state
     */
    public JdbcStoreException(String message, SQLException cause) {
        super(ResidentId.maskAll(message), cause);
    }

    /**
     * A failure the store found itself, with no driver exception behind it.
     *
     * @param message what is wrong
     */
    public JdbcStoreException(String message) {
        super(ResidentId.maskAll(message));
    }
}
