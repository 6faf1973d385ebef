package org.enrollment.examples;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import org.enrollment.examples.impact.ImpactReplay;
import org.enrollment.examples.impact.ImpactText;
import org.enrollment.examples.scenario.ScenarioFileException;
import org.enrollment.examples.scenario.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code check-rules DIR FILE...}: the loop policy staff go through before publishing a rule change. It
 * vets the folder (a file that does what a policy does not need is refused, file and line, and nothing of it
 * compiles or runs), compiles it, replays the scenario files against it, and tells which rules fired and which
 * never did.
 */
@Command(name = "check-rules", mixinStandardHelpOptions = true,
        description = {"Vets and compiles the rule files in DIR, replays the scenario files with them, and prints which rules "
                + "fired and which never did; with --season, also what the change would do to that season."},
        exitCodeList = {"0:the rules compile and every expectation held", "1:an expectation did not hold",
                "2:the rules fail vetting or do not compile, or a scenario file is wrong; nothing ran"})
final class CheckRulesCommand extends Verb {

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder of rule files to check.")
    private Path folder;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "Scenario files to replay with them.")
    private List<Path> files;

    @Option(names = "--season", paramLabel = "FILE",
            description = "Also replay this season under the rules in force (the shipped ones) and under DIR, and show the impact summary.")
    private Path season;

    @Override
    public Integer call() {
        Optional<RuleSet> loaded = cli().rules(folder);
        if (loaded.isEmpty()) {
            return EnrollmentCli.NOTHING_RAN;
        }
        RuleSet ruleSet = loaded.get();
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Long> fired = new TreeMap<>();
        int code = new ScenarioRunner(ruleSet.engine(), EnrollmentCli.stores(spec.commandLine(), "memory", 1), out, spec.commandLine().getErr())
                .run(files, null, o -> o.rulesFired().forEach(r -> fired.merge(r, 1L, Long::sum)));
        if (code == ScenarioRunner.FILE_ERROR) {
            return code;
        }
        List<String> never = ruleSet.ruleNames().stream().filter(r -> !fired.containsKey(r)).sorted().toList();
        out.printf("Rules in %s: %d; fired: %d; never fired: %d.%n", ruleSet.origin(), ruleSet.ruleNames().size(),
                fired.size(), never.size());
        out.println("Fired (times):");
        fired.forEach((rule, times) -> out.printf("  %6d  %s%n", times, rule));
        out.println("Never fired:" + (never.isEmpty() ? " none" : ""));
        never.forEach(rule -> out.println("          " + rule));
        out.flush();
        if (season != null) {
            Optional<RuleSet> inForce = cli().rules(null);
            if (inForce.isEmpty()) {
                return EnrollmentCli.NOTHING_RAN;
            }
            try {
                ImpactText.print(new ImpactReplay(inForce.get(), ruleSet, Clock.systemUTC()).replay(season, line -> { }), out, true);
            } catch (ScenarioFileException | UncheckedIOException e) {
                spec.commandLine().getErr().println(season + ": " + e.getMessage());
                spec.commandLine().getErr().flush();
                return EnrollmentCli.NOTHING_RAN;
            }
        }
        return code;
    }
}
