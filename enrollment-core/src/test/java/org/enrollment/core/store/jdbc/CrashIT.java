package org.enrollment.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enrollment.core.store.StoreFixtures.BIG_SCHOOL;
import static org.enrollment.core.store.StoreFixtures.HAIDIAN;
import static org.enrollment.core.store.StoreFixtures.child;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.temporal.ChronoUnit;
import org.enrollment.core.audit.AuditEntry;
import org.enrollment.core.audit.tlog.TreeCheck;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.Register;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationEvent;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.store.StoreFixtures;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A process writing a stream of commands to PostgreSQL (four threads, a checkpoint signed every 50 entries) is
 * killed with SIGKILL, three times, at whatever point it has reached; reopened, the database holds no half-written
 * command: every registration is exactly what the audit log's accepted entries about it say, the chain is intact,
 * the stored tree is node for node the tree of the entries, and it makes every checkpoint kept.
 */
class CrashIT {

    private static final Pattern AT = Pattern.compile("\"at\":\"([^\"]+)\"");
    private static final Pattern TARGETS = Pattern.compile("\"targets\":\\[([^\\]]*)\\]");
    private static final Pattern OUTCOME = Pattern.compile("\"outcome\":\"([A-Z]+)\"");
    private static final int ENTRIES_BEFORE_KILL = 400;
    private static final int SIGKILLED = 128 + 9;

    @Test
    void leavesNothingHalfWrittenWhenTheWritingProcessIsKilled() throws Exception {
        PGSimpleDataSource dataSource = (PGSimpleDataSource) TestDatabase.POSTGRESQL.fresh();
        JdbcRegistrationStore store = JdbcRegistrationStore.open(dataSource);

        for (int round = 0; round < 3; round++) {
            long before = store.audit().head().count();
            Process writer = startWriter(TestDatabase.Postgres.url(dataSource.getCurrentSchema()), round * 100_000);
            while (store.audit().head().count() < before + ENTRIES_BEFORE_KILL) {
                assertThat(writer.isAlive()).as("the writer runs until it is killed").isTrue();
                Thread.sleep(20);
            }
            writer.destroyForcibly();
            assertThat(writer.waitFor()).isEqualTo(SIGKILLED);
        }

        JdbcRegistrationStore reopened = JdbcRegistrationStore.open(dataSource);
        assertThat(reopened.audit().verify().intact()).isTrue();
        assertThat(TreeCheck.against(reopened.audit().tree(), TreeCheck.ofEntries(reopened.audit())).problem()).isEmpty();
        assertThat(reopened.audit().tree().root()).isEqualTo(TreeCheck.ofEntries(reopened.audit()).root());
        assertThat(reopened.audit().checkpoints().all()).hasSizeGreaterThanOrEqualTo(3 * ENTRIES_BEFORE_KILL / RegistrationStream.CHECKPOINT_EVERY - 3);
        assertThat(TreeCheck.checkpoints(reopened.audit().tree(), reopened.audit().checkpoints(), StoreFixtures.LOG_KEY.verifierKey())
                .problem()).isEmpty();
        Map<String, List<String>> acceptedAt = acceptedEntryTimesByTarget(reopened);
        List<Registration> all = new ArrayList<>();
        reopened.forEach(all::add);
        assertThat(all).hasSizeGreaterThan(100);
        assertThat(all).allSatisfy(r -> {
            List<String> entries = acceptedAt.getOrDefault(r.number().value(), List.of());
            List<String> history = r.history().stream().map(RegistrationEvent::at).map(Object::toString).toList();
            assertThat(history).as("the history of %s against its accepted audit entries", r).isEqualTo(entries);
        });
        assertThat(acceptedAt.keySet()).as("every registration an accepted entry names is stored")
                .containsExactlyInAnyOrderElementsOf(all.stream().map(r -> r.number().value()).toList());
        assertThat(reopened.placesTaken(BIG_SCHOOL))
                .isEqualTo((int) all.stream().filter(r -> r.state().occupiesPlace()).count());

        Registry afterwards = Registry.builder(StoreFixtures.season(), new ReferencePolicies())
                .clock(StoreFixtures.clock()).clockBound(ChronoUnit.FOREVER.getDuration()).childKey(StoreFixtures.CHILD_KEY).store(reopened).build();
        Decision next = afterwards.handle(Actor.guardian(),
                new Register(child(239_999).value(), "王小明", HAIDIAN, HAIDIAN, BIG_SCHOOL, null));
        assertThat(next.isAccepted()).isTrue();
        assertThat(afterwards.checkAgainstLog().holds()).as("every row is what the log says").isTrue();
        assertThat(next.registrations().get(0).number()).as("a number issued after the crashes is new")
                .isGreaterThan(all.stream().map(Registration::number).max(Comparator.naturalOrder()).orElseThrow());
        assertThat(reopened.audit().verify().intact()).isTrue();
    }

    private static Process startWriter(String url, int firstChild) throws IOException {
        Path log = Files.createTempFile("registration-stream", ".log");
        log.toFile().deleteOnExit();
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                RegistrationStream.class.getName(), url, Integer.toString(firstChild))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The times of the accepted audit entries naming each registration, oldest first. */
    private static Map<String, List<String>> acceptedEntryTimesByTarget(JdbcRegistrationStore store) {
        Map<String, List<String>> result = new HashMap<>();
        for (AuditEntry e : store.audit().entries(0, store.audit().head().count())) {
            if (!"ACCEPTED".equals(group(OUTCOME, e.body()))) {
                continue;
            }
            String targets = group(TARGETS, e.body());
            for (String target : targets.isEmpty() ? new String[0] : targets.split(",")) {
                result.computeIfAbsent(target.replace("\"", ""), k -> new ArrayList<>()).add(group(AT, e.body()));
            }
        }
        return result;
    }

    private static String group(Pattern p, String body) {
        Matcher m = p.matcher(body);
        assertThat(m.find()).as("%s in %s", p, body).isTrue();
        return m.group(1);
    }
}
