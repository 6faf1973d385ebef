package org.enrollment.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.enrollment.core.child.Household;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.registration.Registration;
import org.enrollment.core.registration.RegistrationNumber;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.registration.Route;
import org.junit.jupiter.api.Test;

class StateSealTest {

    private static final byte[] KEY = "sixteen byte key, and more".getBytes(StandardCharsets.US_ASCII);

    private static WrittenState state(String name) {
        Registration r = Registration.create(RegistrationNumber.of("110108", 2014, 7), ResidentId.of("110108200801010013"), name,
                Household.of("110108"), "110108", "海淀实验小学", Route.ONLINE, null, RegistrationState.SUBMITTED,
                Instant.parse("2014-05-01T08:00:00.123456789Z"));
        return new WrittenState(List.of(r), null, null);
    }

    @Test
    void whatIsSealedOpensToTheSameStateThroughTheStreamReader() {
        // Chinese (three-byte), a NUL and a surrogate pair (modified UTF-8's two special cases), read back by DataInputStream.
        StateSeal seal = new StateSeal(KEY);
        for (String name : List.of("王小明", "Zoë\u0000x", "\uD842\uDFB7一", "")) {
            WrittenState written = state(name);
            assertThat(seal.open(seal.seal(written))).contains(written);
        }
    }

    @Test
    void everySealHasItsOwnNonceAndOnlyItsKeyOpensIt() {
        StateSeal seal = new StateSeal(KEY);
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            nonces.add(seal.seal(state("王小明")).substring(0, 16));
        }
        assertThat(nonces).hasSize(1_000);
        String sealed = seal.seal(state("王小明"));
        assertThat(new StateSeal("another sixteen byte key".getBytes(StandardCharsets.US_ASCII)).open(sealed)).isEmpty();
        assertThat(seal.open(sealed)).isPresent();
    }
}
