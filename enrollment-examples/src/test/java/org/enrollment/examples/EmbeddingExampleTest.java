package org.enrollment.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.enrollment.core.command.Decision;
import org.enrollment.core.registration.RegistrationState;
import org.junit.jupiter.api.Test;

class EmbeddingExampleTest {

    @Test
    void registersAChildAndIssuesAPreRegistrationNumber() {
        Decision d = EmbeddingExample.registerAChild();

        assertThat(d.isAccepted()).as(d.reasons().toString()).isTrue();
        assertThat(d.registrations()).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(RegistrationState.SUBMITTED);
            assertThat(r.number().value()).startsWith("110108-2014-");
            assertThat(r.school()).isEqualTo("HD001");
        });
        assertThat(d.auditSequence()).isZero();
    }
}
