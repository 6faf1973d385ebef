package org.enrollment.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.enrollment.core.audit.AuditEntry;
import org.enrollment.core.audit.AuditHead;
import org.enrollment.core.audit.AuditRecord;
import org.enrollment.core.audit.AuditTrail;
import org.enrollment.core.audit.AuditVerification;
import org.enrollment.core.audit.InMemoryAuditTrail;
import org.enrollment.core.audit.tlog.CheckpointStore;
import org.enrollment.core.audit.tlog.LogTree;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.Amend;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.Register;
import org.enrollment.core.command.Tick;
import org.enrollment.core.command.Verify;
import org.enrollment.core.command.Withdraw;
import org.enrollment.core.fixture.ChildIds;
import org.enrollment.core.fixture.MutableClock;
import org.enrollment.core.fixture.ScenarioSeason;
import org.enrollment.core.fixture.StoreSnapshot;
import org.enrollment.core.policy.ReferencePolicies;
import org.enrollment.core.store.InMemoryRegistrationStore;
import org.junit.jupiter.api.Test;

/**
 * A trail that keeps no records ({@link AuditTrail#keepsRecords()}, an impact replay's) is handed
 * {@link AuditRecord#UNKEPT} for every command, and the registry decides exactly as it does over a trail that keeps
 * them: same decisions, same store.
 */
class UnkeptRecordsTest {

    private static final byte[] KEY = "a child key of the city's, 32 b.".getBytes(StandardCharsets.US_ASCII);

    private static String child(int n) {
        return ChildIds.eligible(ScenarioSeason.HAIDIAN, n);
    }

    /** Registers, verifies, ticks, amends, withdraws and registers again, with refusals among them. */
    private static List<Decision> play(Registry r) {
        List<Decision> decisions = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            decisions.add(r.handle("GUARDIAN", new Register(child(n), "王小明" + n, ScenarioSeason.HAIDIAN, ScenarioSeason.HAIDIAN,
                    n % 2 == 0 ? "HD001" : "HD002", null)));
        }
        decisions.add(r.handle("GUARDIAN", new Register(child(0), "王小明", ScenarioSeason.HAIDIAN, ScenarioSeason.HAIDIAN, "HD002", null)));
        decisions.add(r.handle(Actor.parse("SCHOOL:HD001"), "teacher-li", new Verify(child(0), "pass", List.of("HUKOU", "BIRTH", "HOME"), null)));
        decisions.add(r.handle(Actor.parse("SCHOOL:HD001"), new Tick(child(0))));
        decisions.add(r.handle(Actor.parse("SCHOOL:HD002"), new Tick(child(0))));
        decisions.add(r.handle(Actor.guardian(), new Amend(child(1), "王小红", null, "HD001")));
        decisions.add(r.handle(Actor.guardian(), new Withdraw(child(3))));
        decisions.add(r.handle("NOBODY", new Withdraw(child(2))));
        decisions.add(r.handle(Actor.guardian(), "110108200801010013", new Withdraw(child(2))));
        return decisions;
    }

    private static Registry registry(AuditTrail trail) {
        MutableClock clock = new MutableClock(OffsetDateTime.parse("2014-05-06T09:00:00+08:00").toInstant());
        return Registry.builder(ScenarioSeason.plain(), new ReferencePolicies()).store(new InMemoryRegistrationStore(trail))
                .clock(clock).childKey(KEY).build();
    }

    @Test
    void aTrailThatKeepsNoRecordsIsHandedTheUnkeptOneAndTheDecisionsAreTheSame() {
        Registry kept = registry(new InMemoryAuditTrail());
        CountingTrail counting = new CountingTrail();
        Registry unkept = registry(counting);

        List<Decision> expected = play(kept);
        List<Decision> decisions = play(unkept);

        assertThat(decisions).isEqualTo(expected);
        assertThat(decisions).extracting(Decision::isAccepted).contains(true, false);
        assertThat(StoreSnapshot.of(unkept)).isEqualTo(StoreSnapshot.of(kept));
        assertThat(counting.given).hasSize(expected.size()).allMatch(r -> r == AuditRecord.UNKEPT);
        assertThat(kept.audit().head().count()).isEqualTo(expected.size());
    }

    @Test
    void aTrailThatKeepsRecordsIsHandedEachCommandsOwn() {
        CountingTrail keeping = new CountingTrail(true);
        List<Decision> decisions = play(registry(keeping));

        assertThat(keeping.given).hasSize(decisions.size()).noneMatch(r -> r == AuditRecord.UNKEPT)
                .extracting(AuditRecord::command).contains("register", "verify", "withdraw");
    }

    /** Counts what it is given; keeps records only when told to. */
    private static final class CountingTrail implements AuditTrail {
        final List<AuditRecord> given = new ArrayList<>();
        private final boolean keeps;

        CountingTrail() {
            this(false);
        }

        CountingTrail(boolean keeps) {
            this.keeps = keeps;
        }

        @Override
        public boolean keepsRecords() {
            return keeps;
        }

        @Override
        public AuditEntry append(AuditRecord record) {
            given.add(record);
            return new AuditEntry(given.size() - 1, "", "");
        }

        @Override
        public AuditHead head() {
            if (!given.isEmpty()) {
                throw nothing();
            }
            return AuditHead.empty();
        }

        @Override
        public List<AuditEntry> entries(long from, long to) {
            throw nothing();
        }

        @Override
        public LogTree tree() {
            throw nothing();
        }

        @Override
        public CheckpointStore checkpoints() {
            throw nothing();
        }

        @Override
        public AuditVerification verify(AuditHead remembered) {
            throw nothing();
        }

        private static UnsupportedOperationException nothing() {
            return new UnsupportedOperationException("a counting trail keeps nothing to read");
        }
    }
}
