package org.enrollment.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.enrollment.core.audit.Durability;
import org.enrollment.core.audit.tlog.SigningKey;
import org.enrollment.core.child.ResidentId;
import org.enrollment.examples.log.CheckpointOptions;
import org.enrollment.examples.scenario.FileProblems;
import org.enrollment.examples.report.SeasonPage;
import org.enrollment.examples.scenario.ScenarioWriter;
import org.enrollment.examples.simulation.SeasonReport;
import org.enrollment.examples.simulation.SeasonSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code simulate}: generates a season from a seed and plays it, then prints the per-district funnel. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Generates a realistic season over Beijing's 16 districts and plays it against a registry: "
                + "registrations with the usual mistakes, verification, ticking against plans, lists, review, admission, "
                + "filing, a boarding school and co-build lists. Prints the per-district funnel, refusals by reason, "
                + "throughput and the audit log's check; progress goes to standard error."},
        exitCodeList = {"0:the season was played and the audit log checked out", "1:the audit log did not check out",
                "2:an option is wrong"})
final class SimulateCommand extends Verb {

    @Option(names = "--children", paramLabel = "N", defaultValue = "170000",
            description = "How many children (default ${DEFAULT-VALUE}: the size of a real Beijing year; at least 400).")
    private int children;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "2014", description = "The seed (default ${DEFAULT-VALUE}): the same seed, the same season.")
    private long seed;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Also write the season as a scenario file, each command expecting what it got, to replay with run.")
    private Path out;

    @Mixin
    private AuditOptions auditLog;

    @Option(names = "--durability", paramLabel = "D", defaultValue = "forced",
            description = "When a journal entry counts as written: forced (the default: on the disk, fsync) or os-buffered (handed to the"
                    + " operating system only: survives kill -9, not a power loss; for long simulations).")
    private String durability;

    @Option(names = "--rules", paramLabel = "DIR", description = "Judge with the rule files in DIR instead of the shipped rules.")
    private Path rules;

    @Mixin
    private CheckpointOptions signing;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the season report as one self-contained HTML page to FILE.")
    private Path html;

    @Override
    public Integer call() {
        if (children < 400) {
            throw new ParameterException(spec.commandLine(), "--children must be at least 400, was " + children + ".");
        }
        EnrollmentCli.writable("--out", out);
        EnrollmentCli.writable("--html", html);
        Path audit = auditLog.audit();
        Optional<SigningKey> logKey = signing.key(audit);
        Optional<RuleSet> loaded = cli().rules(rules);
        if (loaded.isEmpty()) {
            return EnrollmentCli.NOTHING_RAN;
        }
        RuleSet ruleSet = loaded.get();
        PrintWriter err = spec.commandLine().getErr();
        byte[] childKey = auditLog.childKey(false);
        Durability journal = switch (durability) {
            case "forced" -> Durability.always();
            case "os-buffered" -> Durability.osBuffered();
            default -> throw new ParameterException(spec.commandLine(), "--durability must be forced or os-buffered, was '"
                    + ResidentId.maskAll(durability) + "'.");
        };
        SeasonSimulator simulator = new SeasonSimulator(children, seed);
        err.printf("simulate: %,d children, %,d schools, seed %d, judged by %s%n", simulator.children(),
                simulator.season().schools().size(), seed, ruleSet.origin());
        err.flush();
        SeasonReport report;
        if (out == null) {
            report = simulator.play(ruleSet.engine(), null, audit, childKey, journal, line -> progress(err, line), logKey, signing::played);
        } else {
            try (ScenarioWriter scenario = new ScenarioWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8),
                    simulator.season(), "A simulated season: seed " + seed + ", " + simulator.children() + " children.")) {
                report = simulator.play(ruleSet.engine(), scenario, audit, childKey, journal, line -> progress(err, line), logKey,
                        signing::played);
            } catch (IOException e) {
                throw new UncheckedIOException("--out " + out + ": cannot be written (" + FileProblems.reason(e) + ").", e);
            }
        }
        report.print(spec.commandLine().getOut());
        if (html != null) {
            SeasonPage.write(report, ruleSet, Instant.now(), html);
            spec.commandLine().getOut().printf("HTML report written to %s%n", html);
        }
        if (out != null) {
            spec.commandLine().getOut().printf("Scenario written to %s; replay it with: run %s%n", out, out);
            spec.commandLine().getOut().flush();
        }
        if (!report.audit().intact()) {
            return 1;
        }
        return logKey.map(key -> signing.write(key, audit) ? 0 : 1).orElse(0);
    }

    private static void progress(PrintWriter err, String line) {
        err.println(line);
        err.flush();
    }
}
