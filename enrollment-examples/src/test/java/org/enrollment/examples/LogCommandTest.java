package org.enrollment.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.enrollment.core.fixture.HugeLine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code log} verbs: 0 when what they check holds, 1 naming what does not, 2 and one line on a wrong argument. */
class LogCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void keysAndExport() throws Exception {
        assertThat(run("log", "keygen", "--origin", "city.example/log", "--out", path("city")).exitCode()).isZero();
        assertThat(run("log", "keygen", "--origin", "w.example", "--out", path("w"), "--witness").exitCode()).isZero();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            lines.add("{\"seq\":" + i + ",\"command\":\"register\"}");
        }
        Files.write(dir.resolve("audit.jsonl"), lines, StandardCharsets.UTF_8);
    }

    @Test
    void keygenWritesTheSignedNoteKeyForms() throws Exception {
        assertThat(Files.readString(dir.resolve("city.key"))).matches("PRIVATE\\+KEY\\+city\\.example/log\\+[0-9a-f]{8}\\+A[Q-Za-f][A-Za-z0-9+/]{42}\n");
        assertThat(Files.readString(dir.resolve("city.vkey"))).matches("city\\.example/log\\+[0-9a-f]{8}\\+A[Q-Za-f][A-Za-z0-9+/]{42}\n");
        assertThat(Files.readString(dir.resolve("w.vkey"))).matches("w\\.example\\+[0-9a-f]{8}\\+B[A-P][A-Za-z0-9+/]{42}\n");
    }

    @Test
    void aCheckpointVerifiesAndAChangedExportIsNamed() throws Exception {
        CliRun cp = run("log", "checkpoint", "--audit", path("audit.jsonl"), "--key", path("city.key"));
        assertThat(cp.out()).startsWith("city.example/log\n50\n");
        Files.writeString(dir.resolve("cp"), cp.out());
        assertThat(run("log", "verify", "--audit", path("audit.jsonl"), "--checkpoint", path("cp"), "--vkey", path("city.vkey")).exitCode()).isZero();
        Files.writeString(dir.resolve("audit.jsonl"), Files.readString(dir.resolve("audit.jsonl")).replace("\"seq\":7,", "\"seq\":7 ,"));
        CliRun changed = run("log", "verify", "--audit", path("audit.jsonl"), "--checkpoint", path("cp"), "--vkey", path("city.vkey"));
        assertThat(changed.exitCode()).isEqualTo(1);
        assertThat(changed.err()).startsWith("log verify: The export's first 50 entries (0 to 49) do not make the checkpoint's root");
        CliRun otherKey = run("log", "verify", "--audit", path("audit.jsonl"), "--checkpoint", path("cp"), "--vkey", path("w.vkey"));
        assertThat(otherKey.err()).isEqualTo("log verify: The checkpoint is not signed by the log key w.example.\n");
    }

    @Test
    void theWitnessCosignsTheFirstAndLaterOnesOnlyWithAProof() throws Exception {
        Files.writeString(dir.resolve("cp20"), run("log", "checkpoint", "--audit", path("audit.jsonl"), "--key", path("city.key"), "--size", "20").out());
        Files.writeString(dir.resolve("cp50"), run("log", "checkpoint", "--audit", path("audit.jsonl"), "--key", path("city.key")).out());
        Files.writeString(dir.resolve("p"), run("log", "consistency", "--audit", path("audit.jsonl"), "--old", "20", "--new", "50").out());
        String[] witness = {"log", "witness", "--state", path("ws"), "--vkey", path("city.vkey"), "--key", path("w.key"), "--checkpoint"};
        CliRun first = run(concat(witness, path("cp20")));
        assertThat(first.exitCode()).isZero();
        assertThat(first.out().lines().filter(l -> l.startsWith("\u2014 ")).count()).isEqualTo(2);
        CliRun noProof = run(concat(witness, path("cp50")));
        assertThat(noProof.exitCode()).isEqualTo(1);
        assertThat(noProof.err()).startsWith("log witness: A consistency proof from 20 to 50 entries is needed");
        assertThat(run(concat(witness, path("cp50"), "--proof", path("p"))).exitCode()).isZero();
    }

    @Test
    void aWrongArgumentIsOneLineNamingItAndExitTwo() {
        CliRun missing = run("log", "verify", "--audit", path("nope.jsonl"), "--checkpoint", path("cp"), "--vkey", path("city.vkey"));
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("log verify: --checkpoint " + path("cp") + ": no such file.\n");
        CliRun notAKey = run("log", "checkpoint", "--audit", path("audit.jsonl"), "--key", path("city.vkey"));
        assertThat(notAKey.exitCode()).isEqualTo(2);
        assertThat(notAKey.err()).isEqualTo("log checkpoint: --key " + path("city.vkey") + ": A private key starts with PRIVATE+KEY+; this one does not.\n");
        CliRun tooBig = run("log", "checkpoint", "--audit", path("audit.jsonl"), "--key", path("city.key"), "--size", "51");
        assertThat(tooBig.err()).isEqualTo("log checkpoint: --size 51: the export " + path("audit.jsonl") + " has 50 entries.\n");
        assertThat(tooBig.exitCode()).isEqualTo(2);
    }

    /** A hostile export with one line of 600 MB (a sparse file): refused at that line, not read into the heap. */
    @Test
    void anExportWithAHugeLineIsRefusedNamingTheLine() throws Exception {
        Path huge = HugeLine.write(dir.resolve("huge.jsonl"), "{\"seq\":0}\n", 600_000_000L);
        CliRun proof = run("log", "consistency", "--audit", huge.toString(), "--old", "0", "--new", "1");
        assertThat(proof.err()).isEqualTo("log consistency: --audit " + huge + ": line 2 is longer than 67,108,864 bytes, "
                + "longer than any entry an audit log writes.\n");
        assertThat(proof.exitCode()).isEqualTo(2);
    }

    private static String[] concat(String[] head, String... tail) {
        List<String> all = new ArrayList<>(List.of(head));
        all.addAll(List.of(tail));
        return all.toArray(new String[0]);
    }

    private CliRun run(String... args) {
        return CliRun.reference(args);
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }
}
