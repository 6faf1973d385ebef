package org.enrollment.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --store jdbc:postgresql:… --connections 8} on a real PostgreSQL (embedded, default settings, every commit
 * flushed) prints, line for line, what {@code --connections 1} prints: the shared scenario files and a simulated
 * season; the store it leaves is what its audit log says ({@code check-store}), and the log written with
 * {@code --audit} checks out.
 */
class ConcurrentRunIT {

    private static EmbeddedPostgres server;
    private static String url;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        server = EmbeddedPostgres.builder().start();
        url = "jdbc:postgresql://localhost:" + server.getPort() + "/postgres?user=postgres";
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @Test
    void playsTheScenarioFilesEightAtOnceAsOneAtATime() throws IOException {
        Path key = key();
        List<Path> files = Scenarios.sharedDir().map(Scenarios::jsonl).orElse(Scenarios.bundled());

        CliRun one = run(key, 1, files);
        CliRun eight = run(key, 8, files);

        assertThat(eight.exitCode()).as(eight.out() + eight.err()).isZero();
        assertThat(one.exitCode()).as(one.out() + one.err()).isZero();
        assertThat(eight.out()).isEqualTo(one.out()).contains("\"missed\":0");
    }

    @Test
    void playsASimulatedSeasonEightAtOnceAsOneAtATimeLeavingTheStoreItsLogSays() throws Exception {
        Path key = key();
        Path season = dir.resolve("season.jsonl");
        CliRun simulated = CliRun.reference("simulate", "--children", "400", "--seed", "13", "--out", season.toString());
        assertThat(simulated.exitCode()).as(simulated.err()).isZero();
        Path audit = dir.resolve("audit.jsonl");

        CliRun one = run(key, 1, List.of(season));
        Set<String> before = schemas();
        CliRun eight = CliRun.reference("run", "--store", url, "--child-key", key.toString(), "--connections", "8",
                "--audit", audit.toString(), season.toString());
        Set<String> made = schemas();
        made.removeAll(before);

        assertThat(eight.exitCode()).as(eight.err()).isZero();
        List<String> lines = eight.out().lines().toList();
        assertThat(lines.subList(0, lines.size() - 1)).isEqualTo(one.out().lines().toList().subList(0, lines.size() - 1));
        assertThat(lines.get(lines.size() - 1)).contains("\"missed\":0").contains("\"intact\":true")
                .contains("\"file\":\"" + audit + "\"");
        assertThat(Files.readAllLines(audit)).hasSize(lines.size() - 1);
        assertThat(made).hasSize(1);
        CliRun check = CliRun.reference("check-store", "--store", url, "--schema", made.iterator().next(), "--child-key", key.toString());
        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
    }

    private CliRun run(Path key, int connections, List<Path> files) {
        List<String> args = new ArrayList<>(List.of("run", "--store", url, "--child-key", key.toString(),
                "--connections", Integer.toString(connections)));
        files.forEach(f -> args.add(f.toString()));
        return CliRun.reference(args.toArray(String[]::new));
    }

    private Path key() throws IOException {
        return Files.write(dir.resolve("city.key"), "a child key of 32 bytes, for PG.".getBytes(StandardCharsets.US_ASCII));
    }

    private static Set<String> schemas() throws SQLException {
        Set<String> names = new HashSet<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'enrollment_run_%'")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }
}
