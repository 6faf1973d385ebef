package org.enrollment.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import org.enrollment.core.audit.FileAuditTrail;
import org.enrollment.core.command.Register;
import org.enrollment.core.fixture.ChildIds;
import org.enrollment.core.fixture.MutableClock;
import org.enrollment.core.fixture.ScenarioSeason;
import org.enrollment.core.fixture.StoreSnapshot;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.store.InMemoryRegistrationStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: the journal's disk fills up mid-season (a 64 KB tmpfs). The command whose entry does not fit
 * reaches the host as an I/O failure and changes nothing; state and journal stay equal (a restart from the
 * journal gives the state the registry held), and the journal checks out. Skipped where mounting is refused.
 */
class FullDiskIT {

    private static final byte[] KEY = "a child key for the full disk...".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path folder;

    @Test
    void aFullDiskLeavesStateAndJournalEqual() throws Exception {
        Path disk = Files.createDirectories(folder.resolve("small-disk"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.toString()), "mounting a tmpfs is refused here");
        try {
            Path file = disk.resolve("journal.jsonl");
            MutableClock clock = new MutableClock(OffsetDateTime.parse("2014-05-06T09:00:00+08:00").toInstant());
            StoreSnapshot held;
            int accepted = 0;
            int failed = 0;
            try (FileAuditTrail trail = FileAuditTrail.open(file)) {
                Registry registry = Registry.builder(ScenarioSeason.plain(), new ReferencePolicies())
                        .store(new InMemoryRegistrationStore(trail)).clock(clock).childKey(KEY).build();
                for (int n = 0; n < 999 && failed < 3; n++) {
                    String school = ScenarioSeason.SCHOOLS.get(n % 6).code();
                    try {
                        registry.handle("GUARDIAN", new Register(ChildIds.eligible(ScenarioSeason.HAIDIAN, n), "王小明",
                                ScenarioSeason.HAIDIAN, ScenarioSeason.HAIDIAN, school, null));
                        accepted++;
                    } catch (UncheckedIOException e) {
                        failed++;
                    }
                }
                held = StoreSnapshot.of(registry);
                assertThat(trail.verify().intact()).isTrue();
                assertThat(trail.head().count()).isEqualTo(accepted);
            }
            assertThat(failed).as("the disk filled up").isEqualTo(3);
            assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(accepted);
            try (FileAuditTrail trail = FileAuditTrail.open(file)) {
                Registry resumed = Registry.builder(ScenarioSeason.plain(), new ReferencePolicies())
                        .store(InMemoryRegistrationStore.resumed(trail, KEY)).clock(clock).childKey(KEY).build();
                assertThat(StoreSnapshot.of(resumed)).isEqualTo(held);
            }
        } finally {
            run("umount", disk.toString());
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
