package org.enrollment.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.enrollment.core.audit.tlog.Checkpoint;
import org.enrollment.core.audit.tlog.Checkpoints;
import org.enrollment.core.audit.tlog.SignedNote;
import org.enrollment.core.audit.tlog.VerifierKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the {@code log} verbs write for a {@code simulate --children 3000} export, checked by Go's sumdb/note and
 * sumdb/tlog (see {@link GoTlogCheck}): signed checkpoints, the trees they name, inclusion proofs, consistency
 * proofs, and two witnesses' cosignatures; and refused by it when an entry is changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndependentCheckIT {

    @TempDir
    static Path dir;
    private GoTlogCheck go;
    private long entries;

    @BeforeAll
    void simulateSignAndWitness() throws Exception {
        go = GoTlogCheck.build(dir);
        cli("log", "keygen", "--origin", "city.example/enrollment-2026", "--out", path("city"));
        cli("log", "keygen", "--origin", "district-01.example/witness", "--out", path("w1"), "--witness");
        cli("log", "keygen", "--origin", "observer.example/witness", "--out", path("w2"), "--witness");
        CliRun simulate = CliRun.of(EnrollmentCli.shippedPolicies(), "simulate", "--children", "3000", "--audit", path("audit.jsonl"),
                "--log-key", path("city.key"), "--checkpoint", path("final.cp"));
        assertThat(simulate.exitCode()).as(simulate.err()).isZero();
        entries = Files.readAllLines(dir.resolve("audit.jsonl")).size();
        write("early.cp", cli("log", "checkpoint", "--audit", path("audit.jsonl"), "--key", path("city.key"), "--size", "1000"));
        write("early-w1.cp", cli("log", "witness", "--state", path("w1-state"), "--vkey", path("city.vkey"), "--key", path("w1.key"),
                "--checkpoint", path("early.cp")));
        write("early-final.proof", cli("log", "consistency", "--audit", path("audit.jsonl"), "--old", "1000", "--new", "" + entries));
        write("final-w1.cp", cli("log", "witness", "--state", path("w1-state"), "--vkey", path("city.vkey"), "--key", path("w1.key"),
                "--checkpoint", path("final.cp"), "--proof", path("early-final.proof")));
        write("final-w1-w2.cp", cli("log", "witness", "--state", path("w2-state"), "--vkey", path("city.vkey"), "--key", path("w2.key"),
                "--checkpoint", path("final-w1.cp")));
    }

    @Test
    void goFindsTheTreesTheSignedCheckpointsName() throws Exception {
        assertThat(entries).isGreaterThan(10_000);
        assertGoAccepts("checkpoint", path("audit.jsonl"), path("city.vkey"), path("final.cp"));
        // the registry signed as the season played, and its journal kept what it signed, the last one being final.cp
        List<SignedNote> kept = Checkpoints.parse(Files.readString(dir.resolve("audit.jsonl.checkpoints")),
                VerifierKey.of(Files.readString(dir.resolve("city.vkey")).trim())).all();
        assertThat(kept).extracting(n -> Checkpoint.of(n).size()).containsExactly(10_000L, entries);
        assertThat(kept.get(1).text()).isEqualTo(Files.readString(dir.resolve("final.cp")));
        write("first-kept.cp", kept.get(0).text());
        assertGoAccepts("checkpoint", path("audit.jsonl"), path("city.vkey"), path("first-kept.cp"));
        assertGoAccepts("checkpoint", path("audit.jsonl"), path("city.vkey"), path("early-w1.cp"), path("w1.vkey"));
        assertGoAccepts("checkpoint", path("audit.jsonl"), path("city.vkey"), path("final-w1-w2.cp"), path("w1.vkey"), path("w2.vkey"));
    }

    @Test
    void goChecksInclusionProofsOfEntriesAcrossTheLog() throws Exception {
        for (long index : List.of(0L, 1L, 999L, 1000L, 4095L, 4096L, entries / 2, entries - 2, entries - 1)) {
            write("entry.tlog-proof", cli("log", "prove", "--audit", path("audit.jsonl"), "--checkpoint", path("final-w1-w2.cp"),
                    "--index", "" + index));
            assertGoAccepts("proof", path("audit.jsonl"), path("city.vkey"), path("entry.tlog-proof"), path("w1.vkey"), path("w2.vkey"));
        }
    }

    @Test
    void goChecksConsistencyProofsBetweenTreeSizes() throws Exception {
        long[][] pairs = {{1, 2}, {1000, entries}, {1024, 4096}, {3, entries - 1}, {entries - 1, entries}, {4097, 9000}};
        for (long[] pair : pairs) {
            for (long size : pair) {
                write("cp-" + size, cli("log", "checkpoint", "--audit", path("audit.jsonl"), "--key", path("city.key"), "--size", "" + size));
            }
            write("consistency", cli("log", "consistency", "--audit", path("audit.jsonl"), "--old", "" + pair[0], "--new", "" + pair[1]));
            assertGoAccepts("consistency", path("city.vkey"), path("cp-" + pair[0]), path("cp-" + pair[1]), path("consistency"));
        }
    }

    @Test
    void goRefusesAnExportWithOneEntryChangedAndAProofOfAnotherEntry() throws Exception {
        List<String> lines = Files.readAllLines(dir.resolve("audit.jsonl"), StandardCharsets.UTF_8);
        lines.set(500, lines.get(500).replaceFirst("\"seq\":500", "\"seq\":500 "));
        Files.write(dir.resolve("changed.jsonl"), lines, StandardCharsets.UTF_8);
        assertThat(go.check(dir, "checkpoint", path("changed.jsonl"), path("city.vkey"), path("final.cp")).code()).isEqualTo(1);
        write("entry.tlog-proof", cli("log", "prove", "--audit", path("audit.jsonl"), "--checkpoint", path("final.cp"), "--index", "500"));
        assertThat(go.check(dir, "proof", path("changed.jsonl"), path("city.vkey"), path("entry.tlog-proof")).code()).isEqualTo(1);
        assertThat(go.check(dir, "checkpoint", path("audit.jsonl"), path("city.vkey"), path("final.cp"), path("w1.vkey")).code())
                .as("a cosignature that is not there").isEqualTo(1);
    }

    private void assertGoAccepts(String... args) throws Exception {
        GoTlogCheck.Result r = go.check(dir, args);
        assertThat(r.code()).as("tlogcheck %s: %s", String.join(" ", args), r.output()).isZero();
        assertThat(r.output()).startsWith("ok " + args[0]);
    }

    private String cli(String... args) {
        CliRun r = CliRun.of(EnrollmentCli.shippedPolicies(), args);
        assertThat(r.exitCode()).as("%s: %s", String.join(" ", args), r.err()).isZero();
        return r.out();
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
