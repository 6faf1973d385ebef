package org.enrollment.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuditHeadTest {

    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void aHeadKeptAsItsLineReadsBackEqual() {
        AuditHead head = new AuditHead(713_106, HASH);

        String kept = head.format();

        assertThat(kept).isEqualTo("audit-head 713106 " + HASH);
        assertThat(AuditHead.parse(kept + "\n")).isEqualTo(head);
        assertThat(AuditHead.parse(AuditHead.empty().format())).isEqualTo(AuditHead.empty());
    }

    @Test
    void refusesTextThatIsNotAHeadNamingIt() {
        assertThatThrownBy(() -> AuditHead.parse("713106 " + HASH)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'713106 " + HASH.substring(0, 20));
        assertThatThrownBy(() -> AuditHead.parse("audit-head -1 " + HASH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditHead.parse("audit-head 3 " + HASH.toUpperCase())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditHead.parse("audit-head 3 " + HASH.substring(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
