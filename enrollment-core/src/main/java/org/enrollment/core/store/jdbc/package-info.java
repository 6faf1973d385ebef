/**
 * The {@link org.enrollment.core.store.RegistrationStore} on a relational database through plain
 * {@code java.sql}: PostgreSQL, the way past one machine (every district node shares the city database),
 * and H2, the embedded option. The database, not a JVM lock, keeps one active registration per child,
 * numbers unique, plans, versions, the audit chain and its Merkle tree (written with each entry, in its
 * transaction) and the signed checkpoints; the schema is created and migrated on start from the versioned scripts
 * beside these classes ({@code postgresql/V1.sql}, {@code h2/V1.sql}, ...). On open the store checks that the
 * database still refuses what it must (the scripts' triggers enabled, the unique index of one active registration
 * per child valid) and refuses to start otherwise; it opens without owning the tables, under an application role
 * the tables' owner granted rows only (README, "Running on PostgreSQL").
 */
package org.enrollment.core.store.jdbc;
