package org.enrollment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enrollment.rules.Fixtures.DAY_SCHOOL;
import static org.enrollment.rules.Fixtures.HAIDIAN;
import static org.enrollment.rules.Fixtures.IN_WINDOW;
import static org.enrollment.rules.Fixtures.SEASON;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.enrollment.core.child.Household;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.command.Actor;
import org.enrollment.core.command.Decision;
import org.enrollment.core.command.Register;
import org.enrollment.core.registry.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which rules judged (issue #11): the engine's fingerprint is the SHA-256 of its rule files' names and bytes in
 * name order, the same for the shipped rules and a folder exported from them, a new one after a reload that
 * swaps an edit in, and the one every audit entry records from then on.
 */
class RuleSetFingerprintTest {

    @TempDir
    Path folder;

    @Test
    void theFingerprintIsTheHashOfTheFilesAndFollowsAReload() throws IOException {
        DroolsPolicyEngine.exportShippedRules(folder);
        DroolsPolicyEngine edited = DroolsPolicyEngine.fromFolder(folder);
        String shipped = DroolsPolicyEngine.shipped().fingerprint();
        assertThat(edited.fingerprint()).as("a folder exported from the shipped rules").isEqualTo(shipped).isEqualTo(hashOf(folder));

        Registry registry = Registry.builder(SEASON, edited).clock(Clock.fixed(IN_WINDOW, ZoneOffset.UTC)).build();
        assertThat(entryOf(registry, registry.handle(Actor.guardian(), register(1)))).contains("\"ruleset\":\"" + shipped + "\"");

        Path file = folder.resolve("eligibility.drl");
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8) + "\n// an edit that changes no rule\n", StandardCharsets.UTF_8);
        assertThat(edited.reload().swapped()).isTrue();
        assertThat(edited.fingerprint()).as("after the reload").isNotEqualTo(shipped).isEqualTo(hashOf(folder));
        assertThat(entryOf(registry, registry.handle(Actor.guardian(), register(2)))).contains("\"ruleset\":\"" + edited.fingerprint() + "\"");
    }

    private static Register register(int sequence) {
        return Register.online(ResidentId.compose(HAIDIAN, LocalDate.of(2008, 1, sequence), sequence), "甲", Household.of(HAIDIAN),
                HAIDIAN, DAY_SCHOOL.code());
    }

    private static String entryOf(Registry registry, Decision d) {
        return registry.audit().entries(d.auditSequence(), d.auditSequence() + 1).get(0).body();
    }

    /** Computed here from the files, as the issue describes it: each name, a zero byte, the bytes; names in order. */
    private static String hashOf(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path p : files.sorted().toList()) {
                sha.update(p.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(p));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
