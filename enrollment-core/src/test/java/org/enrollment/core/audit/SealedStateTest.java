package org.enrollment.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.enrollment.core.child.Household;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationNumber;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.registration.Route;
import org.junit.jupiter.api.Test;

class SealedStateTest {

    private static final StateSeal SEAL = new StateSeal("sixteen byte key, and more".getBytes(StandardCharsets.US_ASCII));
    private static final String CHILD = "110108200801010013";

    private static WrittenState written() {
        Registration r = Registration.create(RegistrationNumber.of("110108", 2014, 7), ResidentId.of(CHILD), "王小明",
                Household.of("110108"), "110108", "HD001", Route.ONLINE, null, RegistrationState.SUBMITTED,
                Instant.parse("2014-05-01T08:00:00Z"));
        return new WrittenState(List.of(r), null, null);
    }

    private static AuditRecord record() {
        return new AuditRecord(Instant.parse("2014-05-01T08:00:00Z"), "GUARDIAN", "", "register", List.of(), List.of("c0ffee"),
                "ACCEPTED", List.of(), List.of("Register"), "", "", "", "", SEAL, SealedState.NONE);
    }

    @Test
    void nothingIsSealedUntilTheBodyIsBuiltAndThenTheBodyKeepsTheSameState() {
        AuditRecord record = record().written(written());
        assertThat(record.state().isSealed()).isFalse();
        assertThat(record.toString()).doesNotContain(CHILD).doesNotContain("王小明");

        String body = body(record, 3);
        assertThat(record.state().isSealed()).isTrue();
        assertThat(body(record, 3)).isEqualTo(body);
        assertThat(body).contains("\"state\":\"" + record.state().text() + "\"").doesNotContain(CHILD).doesNotContain("王小明");
        assertThat(SEAL.open(record.state().text())).contains(written());
    }

    @Test
    void aRecordWithoutStateOrWithoutSealHasNoStateField() {
        assertThat(body(record(), 0)).doesNotContain("\"state\"");
        AuditRecord unsealed = new AuditRecord(Instant.parse("2014-05-01T08:00:00Z"), "GUARDIAN", "", "register", List.of(),
                List.of(), "ACCEPTED", List.of(), List.of(), "", "", "", "", null, SealedState.NONE).written(written());
        assertThat(unsealed.state()).isSameAs(SealedState.NONE);
        assertThat(body(unsealed, 0)).doesNotContain("\"state\"");
    }

    @Test
    void threadsReadingAtOnceGetOneSealedText() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 50; round++) {
                AuditRecord record = record().written(written());
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> texts = new ArrayList<>();
                long sequence = round;
                for (int t = 0; t < 8; t++) {
                    boolean body = t % 2 == 1;
                    texts.add(pool.submit(() -> {
                        start.await();
                        return body ? body(record, sequence) : record.state().text();
                    }));
                }
                start.countDown();
                Set<String> seen = new HashSet<>();
                for (Future<String> f : texts) {
                    String s = f.get();
                    seen.add(s.startsWith("{") ? s.replaceAll("(?s).*\"state\":\"([^\"]+)\".*", "$1") : s);
                }
                // Every seal has its own random nonce: two seals of the same state would differ.
                assertThat(seen).containsExactly(record.state().text());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String body(AuditRecord record, long sequence) {
        Utf8Out out = new Utf8Out(64);
        record.body(out, sequence);
        return out.toString();
    }
}
