package org.enrollment.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.enrollment.rules.DroolsPolicyEngine;
import org.enrollment.rules.RuleLoadException;
import org.enrollment.rules.RuleProblem;

/** The Drools rules of {@code enrollment-rules}: the shipped ones, or a folder of edited rule files. */
final class DroolsPolicySource implements PolicySource {

    private static final String SHIPPED_FOLDER = "org/enrollment/rules/policies/";

    @Override
    public RuleSet shipped() {
        DroolsPolicyEngine engine = DroolsPolicyEngine.shipped();
        MessageDigest sha = sha256();
        for (String name : DroolsPolicyEngine.shippedRuleFiles().stream().sorted().toList()) {
            try (InputStream in = DroolsPolicySource.class.getClassLoader().getResourceAsStream(SHIPPED_FOLDER + name)) {
                digest(sha, name, in == null ? new byte[0] : in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the shipped rule file " + name + ": " + e.getMessage(), e);
            }
        }
        return new RuleSet(engine, List.copyOf(engine.ruleNames()), "the shipped rules", HexFormat.of().formatHex(sha.digest()));
    }

    @Override
    public RuleSet fromFolder(Path folder) {
        DroolsPolicyEngine engine;
        try {
            engine = DroolsPolicyEngine.fromFolder(folder);
        } catch (RuleLoadException e) {
            throw new RulesNotLoadedException(folder.toString(), e.problems().stream().map(RuleProblem::toString).toList());
        }
        return new RuleSet(engine, List.copyOf(engine.ruleNames()), folder.toString(), fingerprint(folder));
    }

    /** The SHA-256 of the folder's rule files (names and bytes, in name order; spreadsheet lock files left out). */
    private static String fingerprint(Path folder) {
        MessageDigest sha = sha256();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.startsWith("~$") && name.matches("(?i).*\\.drl(\\.csv|\\.xls|\\.xlsx)?")) {
                    digest(sha, name, Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rule folder " + folder + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void digest(MessageDigest sha, String name, byte[] content) {
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(content);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256.", e);
        }
    }
}
