package org.enrollment.core.audit.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks of issue 11 on an exported log, each caught: by checking the export against the log's signed
 * checkpoint, or by a witness that holds an earlier checkpoint and is handed the attacker's best proof.
 */
class ExportTamperTest {

    private static final String ORIGIN = "city.example/enrollment";
    private final SigningKey logKey = SigningKey.generate(ORIGIN);
    private final ForgedLog honest = new ForgedLog(ForgedLog.entries(300), logKey);
    @TempDir
    Path dir;

    private LogCheck verify(ForgedLog export, SignedNote checkpoint) throws Exception {
        Path file = dir.resolve("audit.jsonl");
        Files.write(file, export.lines, StandardCharsets.UTF_8);
        return ExportTree.check(file, checkpoint, logKey.verifierKey());
    }

    private Witness witnessHolding(SignedNote checkpoint) {
        Witness witness = new Witness(dir.resolve("witness"), logKey.verifierKey(), SigningKey.generate("w.example"), Clock.systemUTC());
        assertThat(witness.observe(checkpoint, Optional.empty()).accepted()).isTrue();
        return witness;
    }

    @Test
    void anEntryRewrittenWithEveryLaterHashRecomputedIsCaught() throws Exception {
        SignedNote signed = honest.checkpoint();
        Witness witness = witnessHolding(signed);
        ForgedLog forged = new ForgedLog(rechained(honest.lines, 100), logKey);
        assertThat(verify(forged, signed).problem()).startsWith("The export's first 300 entries (0 to 299) do not make the checkpoint's root");
        forged.lines.add("{\"seq\":300,\"later\":true}");
        WitnessVerdict verdict = witness.observe(forged.checkpoint(), Optional.of(forged.proofFrom(300)));
        assertThat(((WitnessVerdict.Refused) verdict).reason()).startsWith("The checkpoint does not extend the one held");
    }

    /** The lines with entry {@code index} rewritten and every hash after it made again, as a DBA with the triggers off would. */
    private static List<String> rechained(List<String> lines, int index) {
        List<String> bodies = lines.stream().map(l -> l.substring(0, l.indexOf(",\"hash\""))).collect(java.util.stream.Collectors.toList());
        bodies.set(index, bodies.get(index).replace("ADMITTED", "REJECTED"));
        List<String> out = new java.util.ArrayList<>();
        String previous = "0".repeat(8);
        for (String body : bodies) {
            previous = Integer.toHexString((previous + body).hashCode());
            out.add(body + ",\"hash\":\"" + previous + "\"}");
        }
        assertThat(out.subList(0, index)).isEqualTo(lines.subList(0, index));
        assertThat(out.get(lines.size() - 1)).isNotEqualTo(lines.get(lines.size() - 1));
        return out;
    }

    @Test
    void aForgedEntryAppendedWithTheHeadMovedIsNotSignedFor() throws Exception {
        SignedNote signed = honest.checkpoint();
        ForgedLog appended = honest.copy();
        appended.lines.add("{\"seq\":300,\"command\":\"admit\",\"state\":\"ADMITTED\"}");
        assertThat(verify(appended, signed).problem())
                .isEqualTo("Entry 300 and after (1 lines) are not covered by the checkpoint of 300 entries: the log did not sign for them.");
        SigningKey dbaKey = SigningKey.generate(ORIGIN);
        SignedNote selfSigned = Checkpoint.of(ORIGIN, appended.tree(), 301).signedBy(dbaKey);
        assertThat(verify(appended, selfSigned).problem()).isEqualTo("The checkpoint is not signed by the log key " + ORIGIN + ".");
        assertThat(witnessHolding(signed).observe(selfSigned, Optional.of(appended.proofFrom(300))).accepted()).isFalse();
    }

    @Test
    void aTruncatedExportIsCaughtNamingTheFirstMissingEntry() throws Exception {
        SignedNote signed = honest.checkpoint();
        ForgedLog cut = new ForgedLog(honest.lines.subList(0, 250), logKey);
        assertThat(verify(cut, signed).problem())
                .isEqualTo("The export ends after entry 249 (250 entries), but the checkpoint counts 300: entries from 250 on are missing.");
        WitnessVerdict verdict = witnessHolding(signed).observe(cut.checkpoint(), Optional.empty());
        assertThat(verdict.accepted()).isFalse();
    }

    @Test
    void aSplitViewOfTheSameSizeIsKeptAsEvidence() throws Exception {
        Witness witness = witnessHolding(honest.checkpoint());
        ForgedLog other = new ForgedLog(rechained(honest.lines, 7), logKey);
        WitnessVerdict.Refused refused = (WitnessVerdict.Refused) witness.observe(other.checkpoint(), Optional.empty());
        assertThat(refused.reason()).startsWith("Split view: the witness holds 300 entries with root");
        assertThat(Files.readString(refused.evidence().orElseThrow())).contains(other.checkpoint().body(), honest.checkpoint().body());
    }

    @Test
    void aSmallerTreeThatIsNotAPrefixIsKeptAsEvidence() throws Exception {
        Witness witness = witnessHolding(honest.checkpoint());
        ForgedLog smaller = new ForgedLog(rechained(honest.lines, 7).subList(0, 200), logKey);
        ConsistencyProof claimed = honest.tree().consistencyProof(200, 300);
        WitnessVerdict.Refused refused = (WitnessVerdict.Refused) witness.observe(smaller.checkpoint(), Optional.of(claimed));
        assertThat(refused.reason()).startsWith("The checkpoint is smaller than the one held and not shown to be its prefix");
        assertThat(refused.evidence()).isPresent();
    }
}
