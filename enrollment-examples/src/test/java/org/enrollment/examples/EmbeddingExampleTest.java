package org.enrollment.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.enrollment.core.command.Decision;
import org.enrollment.core.registration.RegistrationState;
import org.enrollment.core.store.jdbc.JdbcRegistrationStore;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class EmbeddingExampleTest {

    private static final byte[] KEY = "the host's secret of 32 bytes ..".getBytes(StandardCharsets.UTF_8);

    @Test
    void registersAChildInMemoryAndIssuesAPreRegistrationNumber() {
        assertAccepted(EmbeddingExample.registerAChild(null, KEY));
    }

    @Test
    void registersAChildOnH2AsTheReadmeSaysToOpenIt() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:embedding;DB_CLOSE_DELAY=-1");

        assertAccepted(EmbeddingExample.registerAChild(h2, KEY));
    }

    @Test
    void anH2InMemoryDatabaseWithoutCloseDelayFailsNamingTheFix() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:vanishing");

        assertThatThrownBy(() -> JdbcRegistrationStore.open(h2)).hasMessageContaining("jdbc:h2:mem:vanishing")
                .hasMessageContaining("Maybe use jdbc:h2:mem:vanishing;DB_CLOSE_DELAY=-1");
    }

    private static void assertAccepted(Decision d) {
        assertThat(d.isAccepted()).as(d.reasons().toString()).isTrue();
        assertThat(d.registrations()).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(RegistrationState.SUBMITTED);
            assertThat(r.number().value()).startsWith("110108-2014-");
            assertThat(r.school()).isEqualTo("HD001");
        });
        assertThat(d.auditSequence()).isZero();
    }
}
