package org.enrollment.core.store.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/**
 * What differs between the databases the store runs on: where their schema scripts are, and the few
 * statements standard SQL does not spell the same way in both.
 */
enum Dialect {

    /** PostgreSQL: DDL is transactional, a migration runs in one transaction under a table lock. */
    POSTGRESQL("postgresql",
            "LOCK TABLE enrollment_schema_version IN SHARE ROW EXCLUSIVE MODE",
            null,
            // One round trip, creating the counter when the district has none for the year, in a transaction of its
            // own whose commit does not wait for the disk (set_config(..., true) lasts for that transaction only).
            "INSERT INTO registration_counter (last_sequence, district, season_year)"
                    + " SELECT CAST(? AS BIGINT), CAST(? AS VARCHAR(6)), CAST(? AS INT)"
                    + " FROM (SELECT set_config('synchronous_commit', 'off', true)) light"
                    + " ON CONFLICT (district, season_year)"
                    + " DO UPDATE SET last_sequence = registration_counter.last_sequence + EXCLUDED.last_sequence"
                    + " RETURNING last_sequence",
            "INSERT INTO school_status (school, places_taken) VALUES (?, 0) ON CONFLICT (school) DO NOTHING",
            // The row proposed is checked (places_taken >= 0) before the conflict is: a new school's row starts at
            // what is taken there, never below 0 (a school without a row has no place to free).
            "INSERT INTO school_status (school, places_taken) VALUES (?, GREATEST(CAST(? AS INT), 0)) ON CONFLICT (school)"
                    + " DO UPDATE SET places_taken = school_status.places_taken + CAST(? AS INT) RETURNING places_taken",
            "SELECT nextval('cobuild_list_id')",
            "SELECT fingerprint FROM season WHERE id = 1 FOR SHARE"),

    /** H2: DDL commits at once, so the scripts are idempotent; no lock is needed in one process. */
    H2("h2",
            null,
            "MERGE INTO registration_counter t USING (VALUES (CAST(? AS VARCHAR(6)), CAST(? AS INT))) s (district, season_year)"
                    + " ON t.district = s.district AND t.season_year = s.season_year"
                    + " WHEN NOT MATCHED THEN INSERT (district, season_year, last_sequence) VALUES (s.district, s.season_year, 0)",
            "SELECT last_sequence FROM FINAL TABLE (UPDATE registration_counter SET last_sequence = last_sequence + ?"
                    + " WHERE district = ? AND season_year = ?)",
            "MERGE INTO school_status t USING (VALUES (CAST(? AS VARCHAR(64)))) s (school) ON t.school = s.school"
                    + " WHEN NOT MATCHED THEN INSERT (school, places_taken) VALUES (s.school, 0)",
            null,
            "SELECT NEXT VALUE FOR cobuild_list_id",
            "SELECT fingerprint FROM season WHERE id = 1 FOR UPDATE");

    private final String folder;
    private final String lockMigrations;
    private final String insertCounter;
    private final String incrementCounter;
    private final String insertSchool;
    private final String raisePlaces;
    private final String nextListId;
    private final String lockSeason;

    Dialect(String folder, String lockMigrations, String insertCounter, String incrementCounter, String insertSchool,
            String raisePlaces, String nextListId, String lockSeason) {
        this.folder = folder;
        this.lockMigrations = lockMigrations;
        this.insertCounter = insertCounter;
        this.incrementCounter = incrementCounter;
        this.insertSchool = insertSchool;
        this.raisePlaces = raisePlaces;
        this.nextListId = nextListId;
        this.lockSeason = lockSeason;
    }

    /** The dialect of the database behind the metadata. */
    static Dialect of(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName();
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            return POSTGRESQL;
        }
        if ("H2".equalsIgnoreCase(product)) {
            return H2;
        }
        throw new IllegalArgumentException("The JDBC store runs on PostgreSQL and H2, not on " + product + " ("
                + metaData.getURL() + ").\nMaybe give it a DataSource of the city's PostgreSQL database, or an H2 one.");
    }

    /** The resource folder of the schema scripts, beside this class. */
    String folder() {
        return folder;
    }

    /** The statement that keeps two nodes from migrating at once, or {@code null} when there is none. */
    String lockMigrations() {
        return lockMigrations;
    }

    /**
     * Creates the counter of a district and year at 0 unless it exists: district, year; {@code null} when
     * {@link #incrementCounter()} creates it itself.
     */
    String insertCounter() {
        return insertCounter;
    }

    /**
     * Raises a counter and returns its new value: by, district, year. Run in auto-commit mode, each its own
     * transaction; no row when the counter does not exist and {@link #insertCounter()} is to create it.
     */
    String incrementCounter() {
        return incrementCounter;
    }

    /** Creates a school's status row unless it exists: school. */
    String insertSchool() {
        return insertSchool;
    }

    /**
     * Raises a school's places taken by a number (negative to free places), creating its status row when it has
     * none, locks the row and returns the new count, in one round trip: school, by, by; or {@code null}, when the row
     * is locked ({@link #insertSchool()}) and written apart.
     */
    String raisePlaces() {
        return raisePlaces;
    }

    /**
     * Reads the held season's fingerprint and locks its row against a change for the rest of the transaction
     * (shared on PostgreSQL, so that commits do not queue on it).
     */
    String lockSeason() {
        return lockSeason;
    }

    /** The next co-build list ID. */
    String nextListId() {
        return nextListId;
    }
}
