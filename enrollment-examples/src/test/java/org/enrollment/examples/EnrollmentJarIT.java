package org.enrollment.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.jar.JarFile;
import org.enrollment.core.fixture.HugeLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code enrollment.jar}, run as a user runs it: {@code java -jar enrollment.jar ...}. */
class EnrollmentJarIT {

    /** A line logged at INFO or above (slf4j-simple, SLF4J itself, Log4j's status logger), or of a stack trace. */
    static final Pattern LOGGED = Pattern.compile("\\b(ERROR|WARN|WARNING|INFO)\\b|SLF4J|StatusLogger|^\\s+at ");

    @TempDir
    Path dir;

    @Test
    void runsEveryBundledScenarioWithEveryExpectationMet() throws Exception {
        Result r = javaJar(Scenarios.args("run", Scenarios.bundled()));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(summaries(r.out())).hasSize(5).allSatisfy(s -> assertThat(s.get("missed").asLong()).isZero());
    }

    @Test
    void runsTheSharedScenariosBesideTheRepository() throws Exception {
        Optional<Path> shared = Scenarios.sharedDir();
        assumeTrue(shared.isPresent(), "../shared/scenarios is not beside the repository");

        Result r = javaJar(Scenarios.args("run", Scenarios.jsonl(shared.get())));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(summaries(r.out())).hasSize(Scenarios.jsonl(shared.get()).size())
                .allSatisfy(s -> assertThat(s.get("missed").asLong()).isZero());
    }

    @Test
    void exitsTwoOnAMalformedFileBeforeRunningAnything() throws Exception {
        Path bad = Scenarios.write(dir, "bad.jsonl", Scenarios.SEASON, Scenarios.REGISTER.replace("\"register\"", "\"enrol\""));

        Result r = javaJar("run", bad.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("bad.jsonl: line 2, field \"do\"");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void simulatesASeasonWhoseWrittenScenarioReplaysWithEveryOutcomeTheSame() throws Exception {
        Path season = dir.resolve("season.jsonl");

        Result simulate = javaJar("simulate", "--children", "1000", "--seed", "3", "--out", season.toString());

        assertThat(simulate.exitCode()).as(simulate.err()).isZero();
        assertThat(simulate.out()).contains("verified intact").contains("commands/s");
        assertThat((simulate.out() + simulate.err()).lines().filter(line -> LOGGED.matcher(line).find()))
                .as("nothing logged at INFO or above on a plain run").isEmpty();
        Result replay = javaJar("run", season.toString());
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        JsonNode summary = summaries(replay.out()).get(0);
        assertThat(summary.get("missed").asLong()).isZero();
        assertThat(summary.get("expectations").asLong()).isEqualTo(summary.get("commands").asLong()).isGreaterThan(4000);
    }

    @Test
    void mergesTheServiceFilesDroolsFindsItsPartsBy() throws IOException {
        try (JarFile jar = new JarFile(jar().toFile())) {
            String kieServices = new String(jar.getInputStream(jar.getEntry("META-INF/services/org.kie.api.KieServices"))
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertThat(kieServices).contains("org.drools.compiler.kie.builder.impl.KieServicesImpl");
            assertThat(jar.getEntry("META-INF/services/org.kie.api.internal.assembler.KieAssemblerService")).isNotNull();
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(EnrollmentCli.class.getName());
        }
    }

    /**
     * A line of 600 MB, read by a JVM of 1 GB: refused as too long at its own line, exit 2, by {@code run} and by
     * {@code impact}, never an {@code OutOfMemoryError}. The file is sparse, so the test itself writes almost nothing.
     */
    @Test
    void refusesASixHundredMegabyteLineInAOneGigabyteJvm() throws Exception {
        Path file = HugeLine.write(dir.resolve("huge.jsonl"), Scenarios.SEASON + "\n" + Scenarios.REGISTER + "\n", 600L << 20);
        Path rules = dir.resolve("rules");
        assertThat(javaJar("rules", "export", rules.toString()).exitCode()).isZero();

        for (List<String> args : List.of(List.of("run", file.toString()), List.of("impact", "--rules", rules.toString(), file.toString()))) {
            Result r = javaJar(List.of("-Xmx1g"), args.toArray(String[]::new));

            assertThat(r.exitCode()).as(args.get(0) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).as(args.get(0)).contains("huge.jsonl: line 3: the line is longer than 8388608 bytes.")
                    .doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
        }
    }

    private static List<JsonNode> summaries(String out) throws IOException {
        return RunCommandTest.lines(out).stream().filter(l -> l.has("summary")).map(l -> l.get("summary")).toList();
    }

    @Test
    void checksAnExportedRuleFolderWithNothingLoggedAtInfoOrAbove() throws Exception {
        Path rules = dir.resolve("rules");
        assertThat(javaJar("rules", "export", rules.toString()).exitCode()).isZero();

        List<Path> folderAndScenarios = new ArrayList<>(List.of(rules));
        folderAndScenarios.addAll(Scenarios.bundled());
        // The jar's logging configuration silences Drools' advice on class reactivity, which an edited rule may draw;
        // turned back on here, the shipped rules draw none either.
        Result check = javaJar(List.of("-D" + "org.slf4j.simpleLogger.log.org.drools.model.codegen.execmodel.generator.drlxparse"
                + ".ConstraintParser=warn"), Scenarios.args("check-rules", folderAndScenarios));

        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat((check.out() + check.err()).lines().filter(line -> LOGGED.matcher(line).find()))
                .as("nothing logged at INFO or above when the rules compile from source").isEmpty();
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("enrollment.jar", "target/enrollment.jar"));
        assertThat(jar).as("the packaged jar").exists();
        return jar;
    }

    private Result javaJar(String... args) throws IOException, InterruptedException {
        return javaJar(List.of(), args);
    }

    private Result javaJar(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("java -jar finished").isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private record Result(int exitCode, String out, String err) {
    }
}
