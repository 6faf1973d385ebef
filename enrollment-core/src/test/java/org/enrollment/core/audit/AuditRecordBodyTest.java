package org.enrollment.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An entry's body, byte for byte as the log has always written it: the export, its hashes and its tree depend on it. */
class AuditRecordBodyTest {

    /** Every field given, Chinese, every escape, a surrogate pair and a lone surrogate. */
    private static final AuditRecord RECORD = new AuditRecord(Instant.parse("2014-05-06T01:02:03.456Z"), "SCHOOL:HD001", "teacher-li",
            "verify", List.of("110108-2014-000001-0"), List.of("00112233445566778899aabbccddeeff"), "REFUSED",
            List.of("DOCUMENTS_MISSING", "NOT_AUTHORIZED"), List.of("非京籍儿童需提交材料 Documents for 非京籍 children"),
            "原因 \"quoted\"\\ line\nbreak\ttab\u0001\u007f\u2028 😀 lone\ud800 end", "result=fail documents=HUKOU,BIRTH",
            "ab".repeat(32), "cd".repeat(32), null, SealedState.NONE);

    /** SHA-256 of the body of entry 41, as the session-8 writer (a StringBuilder, then {@code getBytes(UTF_8)}) made it. */
    private static final String SESSION_8_DIGEST = "1c309e1b210f29c68f16b1665c55f5e01bba0f66cd50513f84e858f10ee6d8e4";

    @Test
    void writesTheBytesTheLogHasAlwaysWritten() throws Exception {
        Utf8Out out = new Utf8Out(16);
        RECORD.body(out, 41);

        byte[] bytes = Arrays.copyOf(out.bytes(), out.size());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))).isEqualTo(SESSION_8_DIGEST);
        assertThat(out.toString()).startsWith("{\"seq\":41,\"at\":\"2014-05-06T01:02:03.456Z\",\"actor\":\"SCHOOL:HD001\"")
                .contains("\"detail\":\"原因 \\\"quoted\\\"\\\\ line\\nbreak\\ttab\\u0001\\u007f\\u2028 😀 lone? end\"")
                .endsWith("\"season\":\"" + "cd".repeat(32) + "\"}");
    }

    @Test
    void aBufferReusedForAnotherEntryHoldsThatEntryOnly() {
        Utf8Out out = new Utf8Out(16);
        RECORD.body(out, 41);
        out.reset();
        RECORD.body(out, 7);
        Utf8Out fresh = new Utf8Out(16);
        RECORD.body(fresh, 7);

        assertThat(out.toString()).isEqualTo(fresh.toString()).startsWith("{\"seq\":7,");
    }

    @Test
    void theSealedLineIsTheBodyWithItsHashAndTheEntryReadsBackFromIt() {
        AuditChain.Sealed sealed = AuditChain.sealLine(AuditChain.sha256(), 41, AuditChain.GENESIS.getBytes(), RECORD, new Utf8Out(8));
        AuditEntry entry = sealed.entry();

        assertThat(entry.sequence()).isEqualTo(41);
        assertThat(new String(sealed.line(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(entry.line());
        assertThat(entry.body()).contains("lone? end").endsWith("}");
        assertThat(entry.hash()).isEqualTo(AuditChain.hash(AuditChain.sha256(), AuditChain.GENESIS,
                entry.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
