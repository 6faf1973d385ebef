package org.enrollment.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.enrollment.core.store.StoreFixtures.BIG_SCHOOL;
import static org.enrollment.core.store.StoreFixtures.HAIDIAN;
import static org.enrollment.core.store.StoreFixtures.child;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.enrollment.core.audit.tlog.Checkpoint;
import org.enrollment.core.audit.tlog.CheckpointSchedule;
import org.enrollment.core.audit.tlog.ExportTree;
import org.enrollment.core.audit.tlog.SignedNote;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.Register;
import org.enrollment.core.fixture.MutableClock;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.store.StoreFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry given the log's key signs checkpoints of its audit log's tree, every N entries, every T, and on demand. */
class RegistryCheckpointsTest {

    private final MutableClock clock = new MutableClock(StoreFixtures.NOW);
    @TempDir
    Path dir;

    private Registry registry(CheckpointSchedule schedule) {
        return Registry.builder(StoreFixtures.season(), new ReferencePolicies()).clock(clock)
                .checkpoints(StoreFixtures.LOG_KEY, schedule).build();
    }

    private static void register(Registry registry, int children) {
        for (int i = 0; i < children; i++) {
            registry.handle(Actor.guardian(), new Register(child(i).value(), "王小明", HAIDIAN, HAIDIAN, BIG_SCHOOL, null));
        }
    }

    @Test
    void signsEveryNEntriesAsCommandsGoAndKeepsThemWithTheLog() {
        Registry registry = registry(CheckpointSchedule.everyEntries(10));
        register(registry, 35);
        assertThat(registry.checkpoints().all()).extracting(n -> Checkpoint.of(n).size()).containsExactly(10L, 20L, 30L);
        assertThat(registry.checkpoints().all()).allMatch(n -> n.verifiedBy(StoreFixtures.LOG_KEY.verifierKey()));
        assertThat(Checkpoint.of(registry.checkpoint()).size()).isEqualTo(35);
        assertThat(registry.checkpoints().all()).hasSize(4);
    }

    @Test
    void signsWhenTheTimeHasPassedAndTheLogHasGrown() {
        Registry registry = registry(CheckpointSchedule.onDemand().andEvery(Duration.ofMinutes(10)));
        register(registry, 3);
        assertThat(registry.checkpoints().all()).isEmpty();
        clock.advance(Duration.ofMinutes(10));
        register(registry, 1);
        assertThat(registry.checkpoints().all()).extracting(n -> Checkpoint.of(n).size()).containsExactly(4L);
    }

    @Test
    void itsCheckpointIsThatOfItsExport() throws Exception {
        Registry registry = registry(CheckpointSchedule.onDemand());
        register(registry, 12);
        SignedNote signed = registry.checkpoint();
        StringWriter export = new StringWriter();
        registry.audit().export(export);
        Path file = dir.resolve("audit.jsonl");
        Files.writeString(file, export.toString(), StandardCharsets.UTF_8);
        assertThat(ExportTree.check(file, signed, StoreFixtures.LOG_KEY.verifierKey()).problem()).isEmpty();
    }

    @Test
    void withoutTheLogsKeyItSignsNothingAndSaysSoWhenAsked() {
        Registry registry = Registry.builder(StoreFixtures.season(), new ReferencePolicies()).clock(clock).build();
        register(registry, 2);
        assertThat(registry.checkpoints().all()).isEmpty();
        assertThatThrownBy(registry::checkpoint).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no log key").hasMessageContaining("checkpoints(key, schedule)");
    }
}
