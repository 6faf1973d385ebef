package org.enrollment.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.enrollment.core.audit.AuditEntry;
import org.enrollment.core.audit.AuditHead;
import org.enrollment.core.audit.AuditRecord;
import org.enrollment.core.audit.AuditTrail;
import org.enrollment.core.audit.AuditVerification;
import org.enrollment.core.audit.FileAuditTrail;
import org.enrollment.core.audit.InMemoryAuditTrail;
import org.enrollment.core.audit.LogReplay;
import org.enrollment.core.audit.StateSeal;
import org.enrollment.core.audit.tlog.CheckpointStore;
import org.enrollment.core.audit.tlog.LogTree;
import org.enrollment.core.audit.tlog.TreeCheck;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.Amend;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.Tick;
import org.enrollment.core.command.Verify;
import org.enrollment.core.command.Withdraw;
import org.enrollment.core.fixture.ChildIds;
import org.enrollment.core.fixture.MutableClock;
import org.enrollment.core.fixture.ScenarioSeason;
import org.enrollment.core.fixture.StoreSnapshot;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.store.InMemoryRegistrationStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded durable mode: the in-memory store with a file journal. An accepted command is on the disk when
 * {@code handle} returns, a failed append changes nothing and reaches the host, a restart resumes to exactly
 * the state before, and the entries carry every fact that decided them, with no resident ID or name in clear.
 */
class JournalTest {

    private static final byte[] KEY = "a child key of the city's, 32 b.".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> DOCUMENTS = List.of("HUKOU", "BIRTH", "HOME");

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(OffsetDateTime.parse("2014-05-06T09:00:00+08:00").toInstant());

    private Registry registry(InMemoryRegistrationStore store, byte[] key) {
        return Registry.builder(ScenarioSeason.plain(), new ReferencePolicies()).store(store).clock(clock).childKey(key).build();
    }

    private static String child(int n) {
        return ChildIds.eligible(ScenarioSeason.HAIDIAN, n);
    }

    private static Register register(int n, String school) {
        return new Register(child(n), "王小明" + n, ScenarioSeason.HAIDIAN, ScenarioSeason.HAIDIAN, school, null);
    }

    /** A few children taken through verification, ticking, an amendment and a withdrawal. */
    private void playSome(Registry r) {
        for (int n = 0; n < 4; n++) {
            assertThat(r.handle("GUARDIAN", register(n, n % 2 == 0 ? "HD001" : "HD002")).isAccepted()).isTrue();
        }
        r.handle(Actor.parse("SCHOOL:HD001"), "teacher-li", new Verify(child(0), "pass", DOCUMENTS, null));
        r.handle(Actor.parse("SCHOOL:HD001"), "teacher-li", new Tick(child(0)));
        r.handle(Actor.guardian(), new Amend(child(1), "王小红", null, "HD001"));
        r.handle(Actor.guardian(), new Withdraw(child(3)));
        r.handle("GUARDIAN", register(3, "HD002"));
    }

    @Test
    void anAcceptedCommandIsOnTheDiskWhenHandleReturns() throws IOException {
        Path file = folder.resolve("journal.jsonl");
        try (FileAuditTrail trail = FileAuditTrail.open(file)) {
            Registry r = registry(new InMemoryRegistrationStore(trail), KEY);
            for (int n = 0; n < 3; n++) {
                Decision d = r.handle("GUARDIAN", register(n, "HD001"));
                assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).as("lines on disk after ack %d", n).hasSize(n + 1);
                assertThat(d.auditSequence()).isEqualTo(n);
            }
        }
    }

    @Test
    void aRestartResumesToExactlyTheStateBeforeAndIssuesNoNumberTwice() {
        Path file = folder.resolve("journal.jsonl");
        StoreSnapshot before;
        try (FileAuditTrail trail = FileAuditTrail.open(file)) {
            Registry r = registry(new InMemoryRegistrationStore(trail), KEY);
            playSome(r);
            before = StoreSnapshot.of(r);
        }
        try (FileAuditTrail trail = FileAuditTrail.open(file)) {
            Registry r = registry(InMemoryRegistrationStore.resumed(trail, KEY), KEY);
            assertThat(StoreSnapshot.of(r)).isEqualTo(before);
            assertThat(r.checkAgainstLog().holds()).isTrue();
            Decision next = r.handle("GUARDIAN", register(9, "HD002"));
            assertThat(next.isAccepted()).isTrue();
            assertThat(before.registrations()).doesNotContainKey(next.registrations().get(0).number());
            assertThat(r.handle("GUARDIAN", register(0, "HD002")).reasonCodes())
                    .as("the resumed store still knows child 0 holds a registration").contains(ReasonCode.DUPLICATE_REGISTRATION);
        }
    }

    @Test
    void aStoreThatOutlivesTheProcessRefusesToBuildWithoutTheChildKeyOrWithAnother() {
        Path file = folder.resolve("journal.jsonl");
        try (FileAuditTrail trail = FileAuditTrail.open(file)) {
            InMemoryRegistrationStore store = new InMemoryRegistrationStore(trail);
            assertThat(store.outlivesProcess()).isTrue();
            assertThatThrownBy(() -> Registry.builder(ScenarioSeason.plain(), new ReferencePolicies()).store(store).build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("child key");
            registry(store, KEY).handle("GUARDIAN", register(0, "HD001"));
        }
        byte[] other = Arrays.copyOf(KEY, KEY.length);
        other[0] ^= 1;
        try (FileAuditTrail trail = FileAuditTrail.open(file)) {
            assertThatThrownBy(() -> InMemoryRegistrationStore.resumed(trail, other))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("entry 0");
            InMemoryRegistrationStore resumed = InMemoryRegistrationStore.resumed(trail, KEY);
            assertThatThrownBy(() -> registry(resumed, other)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("child key");
        }
    }

    @Test
    void aFailedAppendLeavesTheStateUnchangedAndReachesTheHostAsTheFailureItIs() {
        FailingTrail trail = new FailingTrail();
        Registry r = registry(new InMemoryRegistrationStore(trail), KEY);
        r.handle("GUARDIAN", register(0, "HD001"));
        StoreSnapshot before = StoreSnapshot.of(r);

        trail.failing.set(true);
        assertThatThrownBy(() -> r.handle("GUARDIAN", register(1, "HD001"))).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> r.handle(Actor.guardian(), new Withdraw(child(0)))).isInstanceOf(UncheckedIOException.class);

        assertThat(StoreSnapshot.of(r)).isEqualTo(before);
        trail.failing.set(false);
        assertThat(r.handle("GUARDIAN", register(1, "HD001")).isAccepted()).isTrue();
        assertThat(r.checkAgainstLog().holds()).isTrue();
    }

    @Test
    void entriesCarryTheFactsTheOperatorAndTheFingerprintsAndNoResidentIdOrName() {
        Registry r = registry(new InMemoryRegistrationStore(), KEY);
        playSome(r);
        StringBuilder export = new StringBuilder();
        r.audit().export(export);
        List<AuditEntry> entries = r.audit().entries(0, r.audit().head().count());

        assertThat(entries.get(4).body()).contains("\"operator\":\"teacher-li\"", "\"facts\":\"result=pass documents=HUKOU,BIRTH,HOME\"");
        assertThat(entries.get(6).body()).contains("\"facts\":\"name changed school=HD001\"");
        for (AuditEntry e : entries) {
            assertThat(e.body()).contains("\"ruleset\":\"", "\"season\":\"" + ScenarioSeason.plain().fingerprint() + "\"",
                    "\"key\":\"" + r.childKeyId() + "\"");
        }
        assertThat(entries.get(0).body()).contains("\"state\":\"");
        for (int n = 0; n < 4; n++) {
            assertThat(export).doesNotContain(child(n)).doesNotContain("王小明" + n);
        }
        assertThat(export).doesNotContain("王小红");
    }

    @Test
    void anOperatorIdThatLooksLikeAResidentIdIsRefusedAndNotKept() {
        Registry r = registry(new InMemoryRegistrationStore(), KEY);
        for (String operator : List.of(child(7), "op-" + child(7), child(7).substring(0, 16), "")) {
            Decision d = r.handle(Actor.guardian(), operator, register(0, "HD001"));
            assertThat(d.reasonCodes()).as(operator).containsExactly(ReasonCode.INVALID_INPUT);
            assertThat(d.reasons().get(0).rule()).isEqualTo("input: operator");
        }
        StringBuilder export = new StringBuilder();
        r.audit().export(export);
        assertThat(export).doesNotContain(child(7).substring(0, 16));
        assertThat(r.registrationOf(org.enrollment.core.child.ResidentId.of(child(0)))).isEmpty();
    }

    @Test
    void aSealedStateAlteredOrTakenFromAnotherEntryIsNamedByTheReplay() {
        Registry r = registry(new InMemoryRegistrationStore(), KEY);
        playSome(r);
        List<AuditEntry> entries = r.audit().entries(0, r.audit().head().count());
        String flipped = sealedState(entries.get(2)).replaceFirst("^(.)", sealedState(entries.get(2)).startsWith("A") ? "B" : "A");
        List<AuditEntry> altered = new java.util.ArrayList<>(entries);
        altered.set(2, new AuditEntry(2, entries.get(2).body().replace(sealedState(entries.get(2)), flipped), "0"));
        altered.set(5, new AuditEntry(5, entries.get(5).body().replace(sealedState(entries.get(5)), sealedState(entries.get(4))), "0"));

        LogReplay replay = LogReplay.of(new ListTrail(altered), new StateSeal(KEY));

        assertThat(replay.problems()).hasSize(2);
        assertThat(replay.problems().get(0)).startsWith("entry 2:").contains("does not open");
        assertThat(replay.problems().get(1)).startsWith("entry 5:").contains("version");
        assertThat(LogReplay.of(new ListTrail(entries), new StateSeal(KEY)).problems()).isEmpty();
    }

    private static String sealedState(AuditEntry e) {
        String mark = "\"state\":\"";
        int at = e.body().indexOf(mark) + mark.length();
        return e.body().substring(at, e.body().indexOf('"', at));
    }

    /** A log read from a list of entries, as an export altered by someone would read. */
    private record ListTrail(List<AuditEntry> list) implements AuditTrail {
        @Override
        public AuditEntry append(AuditRecord record) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AuditHead head() {
            return new AuditHead(list.size(), list.get(list.size() - 1).hash());
        }

        @Override
        public List<AuditEntry> entries(long from, long to) {
            return list.subList((int) from, (int) to);
        }

        @Override
        public AuditVerification verify(AuditHead remembered) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LogTree tree() {
            return TreeCheck.ofEntries(this);
        }

        @Override
        public CheckpointStore checkpoints() {
            throw new UnsupportedOperationException();
        }
    }

    /** A trail whose appends fail while {@link #failing} is set, as a full disk does. */
    private static final class FailingTrail implements AuditTrail {
        final AtomicBoolean failing = new AtomicBoolean();
        private final InMemoryAuditTrail inner = new InMemoryAuditTrail();

        @Override
        public AuditEntry append(AuditRecord record) {
            if (failing.get()) {
                throw new UncheckedIOException(new IOException("No space left on device"));
            }
            return inner.append(record);
        }

        @Override
        public AuditHead head() {
            return inner.head();
        }

        @Override
        public List<AuditEntry> entries(long from, long to) {
            return inner.entries(from, to);
        }

        @Override
        public AuditVerification verify(AuditHead remembered) {
            return inner.verify(remembered);
        }

        @Override
        public LogTree tree() {
            return inner.tree();
        }

        @Override
        public CheckpointStore checkpoints() {
            return inner.checkpoints();
        }
    }
}
