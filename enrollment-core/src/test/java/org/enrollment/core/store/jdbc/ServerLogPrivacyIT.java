package org.enrollment.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.fixture.ChildIds;
import org.enrollment.core.fixture.MutableClock;
import org.enrollment.core.fixture.ScenarioSeason;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registry.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: a season full of races for the same children, on a real PostgreSQL server whose log is on at its
 * default levels (errors with their DETAIL and STATEMENT lines, as Debian ships it), leaves no resident ID in
 * the server's log: the store takes the race signal from {@code INSERT … ON CONFLICT DO NOTHING} and the row
 * count, not from a unique violation. A deliberate error proves the log is written.
 */
class ServerLogPrivacyIT {

    private static final int CHILDREN = 150;
    private static final int NODES = 4;

    @TempDir
    Path folder;

    @Test
    void aSeasonOfRacesLeavesNoResidentIdInTheServerLog() throws Exception {
        Path logs = folder.resolve("pg-log");
        int duplicates;
        try (EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_directory", logs.toString())
                .setServerConfig("log_filename", "postgresql.log")
                .start()) {
            DataSource db = server.getPostgresDatabase();
            duplicates = race(db);
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("SELECT 1 / 0 AS control_marker");
            } catch (java.sql.SQLException expected) {
                // the control error, which the server logs
            }
        }
        String log;
        try (Stream<Path> files = Files.list(logs)) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.toList()) {
                all.append(Files.readString(f, StandardCharsets.UTF_8));
            }
            log = all.toString();
        }
        assertThat(duplicates).as("races lost").isGreaterThan(CHILDREN / 2);
        assertThat(log).as("the server log is written").contains("control_marker");
        for (int n = 0; n < CHILDREN; n++) {
            assertThat(log).doesNotContain(ChildIds.eligible(ScenarioSeason.HAIDIAN, n));
        }
        assertThat(log).doesNotContain("Key (child)");
    }

    /** Every node registers every child at once; returns how many registrations lost their race. */
    private static int race(DataSource db) throws Exception {
        List<Registry> nodes = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            nodes.add(Registry.builder(ScenarioSeason.plain(), new ReferencePolicies()).store(JdbcRegistrationStore.open(db))
                    .clock(new MutableClock(OffsetDateTime.parse("2014-05-06T09:00:00+08:00").toInstant()))
                    .clockBound(ChronoUnit.FOREVER.getDuration()).childKey(new byte[16]).build());
        }
        AtomicInteger lost = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(NODES);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Registry node : nodes) {
                done.add(pool.submit(() -> {
                    for (int n = 0; n < CHILDREN; n++) {
                        var d = node.handle("GUARDIAN", new Register(ChildIds.eligible(ScenarioSeason.HAIDIAN, n), "王小明",
                                ScenarioSeason.HAIDIAN, ScenarioSeason.HAIDIAN, n % 2 == 0 ? "HD001" : "HD002", null));
                        if (d.reasonCodes().contains(ReasonCode.DUPLICATE_REGISTRATION)) {
                            lost.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return lost.get();
    }
}
