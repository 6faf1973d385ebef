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
            "INSERT INTO registration_counter (district, season_year, last_sequence) VALUES (?, ?, 0)"
                    + " ON CONFLICT (district, season_year) DO NOTHING",
            "UPDATE registration_counter SET last_sequence = last_sequence + ? WHERE district = ? AND season_year = ?"
                    + " RETURNING last_sequence",
            "INSERT INTO school_status (school, places_taken) VALUES (?, 0) ON CONFLICT (school) DO NOTHING",
            "SELECT nextval('cobuild_list_id')",
            "SET LOCAL synchronous_commit TO OFF"),

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
            "SELECT NEXT VALUE FOR cobuild_list_id",
            null);

    private final String folder;
    private final String lockMigrations;
    private final String insertCounter;
    private final String incrementCounter;
    private final String insertSchool;
    private final String nextListId;
    private final String lightCommit;

    Dialect(String folder, String lockMigrations, String insertCounter, String incrementCounter, String insertSchool,
            String nextListId, String lightCommit) {
        this.folder = folder;
        this.lockMigrations = lockMigrations;
        this.insertCounter = insertCounter;
        this.incrementCounter = incrementCounter;
        this.insertSchool = insertSchool;
        this.nextListId = nextListId;
        this.lightCommit = lightCommit;
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

    /** Creates the counter of a district and year at 0 unless it exists: district, year. */
    String insertCounter() {
        return insertCounter;
    }

    /** Raises a counter and returns its new value, holding its row lock: by, district, year. */
    String incrementCounter() {
        return incrementCounter;
    }

    /** Creates a school's status row unless it exists: school. */
    String insertSchool() {
        return insertSchool;
    }

    /**
     * The statement that lets the current transaction commit without waiting for its log to reach the disk,
     * or {@code null}: for the numbering transaction, whose log the commit that uses the numbers flushes
     * anyway (the log is written in order), so that a registration waits for one flush, not two.
     */
    String lightCommit() {
        return lightCommit;
    }

    /** The next co-build list ID. */
    String nextListId() {
        return nextListId;
    }
}
