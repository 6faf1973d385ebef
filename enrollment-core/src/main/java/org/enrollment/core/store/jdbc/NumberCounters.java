package org.enrollment.core.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.enrollment.core.registration.NewRegistration;
import org.enrollment.core.registration.RegistrationNumber;

/**
 * The pre-registration number counters (预登记号计数), one per district and year: where the JDBC store takes
 * the numbers of the registrations a commit creates.
 */
final class NumberCounters {

    private final Database database;

    NumberCounters(Database database) {
        this.database = database;
    }

    /**
     * Issues a number to each new registration, in the order given, from the counter of its district and
     * year, each counter raised in auto-commit mode, a transaction of its own, before the connection's
     * transaction begins: a counter's row lock is held for that one statement only. On PostgreSQL that
     * statement is one round trip and its commit does not wait for the disk: should the server crash before
     * the log reaches it, the numbers it lost were used by no commit that reached the disk either (a later
     * commit flushes the log up to itself, this transaction included), so no number that was ever issued is
     * issued again.
     *
     * @param c a connection with auto-commit off and no transaction begun, as it is left
     */
    List<RegistrationNumber> issue(Connection c, List<NewRegistration> inserts) throws SQLException {
        if (inserts.isEmpty()) {
            return List.of();
        }
        Map<CounterKey, Integer> needed = new TreeMap<>();
        for (NewRegistration n : inserts) {
            needed.merge(new CounterKey(n.district(), n.year()), 1, Integer::sum);
        }
        Map<CounterKey, Long> next = new HashMap<>();
        c.setAutoCommit(true);
        try {
            for (Map.Entry<CounterKey, Integer> e : needed.entrySet()) {
                next.put(e.getKey(), raiseCounter(c, e.getKey(), e.getValue()) - e.getValue() + 1);
            }
        } finally {
            c.setAutoCommit(false);
        }
        List<RegistrationNumber> numbers = new ArrayList<>(inserts.size());
        for (NewRegistration n : inserts) {
            CounterKey key = new CounterKey(n.district(), n.year());
            long sequence = next.merge(key, 1L, Long::sum) - 1;
            numbers.add(RegistrationNumber.of(n.district(), n.year(), sequence));
        }
        return numbers;
    }

    /** Raises the counter by {@code by}, creating it at 0 first when the district has none for the year; its new value. */
    private long raiseCounter(Connection c, CounterKey key, int by) throws SQLException {
        Dialect dialect = database.dialect();
        for (int attempt = 1; attempt <= 2; attempt++) {
            try (PreparedStatement p = c.prepareStatement(dialect.incrementCounter())) {
                p.setInt(1, by);
                p.setString(2, key.district());
                p.setInt(3, key.year());
                try (ResultSet r = p.executeQuery()) {
                    if (r.next()) {
                        return r.getLong(1);
                    }
                }
            }
            if (dialect.insertCounter() == null) {
                break;
            }
            try (PreparedStatement p = c.prepareStatement(dialect.insertCounter())) {
                p.setString(1, key.district());
                p.setInt(2, key.year());
                p.executeUpdate();
            }
        }
        throw new JdbcStoreException("The number counter of district " + key.district() + ", year " + key.year()
                + " vanished as it was made.");
    }

    /** The district and year a pre-registration number counts in. */
    private record CounterKey(String district, int year) implements Comparable<CounterKey> {

        private static final Comparator<CounterKey> ORDER =
                Comparator.comparing(CounterKey::district).thenComparingInt(CounterKey::year);

        private CounterKey {
            Objects.requireNonNull(district, "district");
        }

        @Override
        public int compareTo(CounterKey o) {
            return ORDER.compare(this, o);
        }
    }

}
