package org.enrollment.examples;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.enrollment.examples.impact.ImpactJson;
import org.enrollment.examples.impact.ImpactReplay;
import org.enrollment.examples.impact.ImpactText;
import org.enrollment.examples.impact.SeasonImpact;
import org.enrollment.examples.report.ImpactPage;
import org.enrollment.examples.scenario.ScenarioFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code impact [--baseline DIR] --rules DIR SEASON...}: what publishing a rule change would do to a season
 * (影响评估): each season replayed under the baseline and the proposed rules, and what would end differently.
 */
@Command(name = "impact", mixinStandardHelpOptions = true,
        description = {"Replays each season file under the baseline rules (the shipped ones unless --baseline) and "
                + "under the proposed rules, and shows what would end differently: the commands, by rule, reason, "
                + "district, school and kind, with masked examples; the children whose end state differs; the funnel "
                + "per district under both; the rules fired under each and never fired."},
        exitCodeList = {"0:the seasons were compared, whatever changed", "2:a rule folder or a season file is wrong; nothing ran"})
final class ImpactCommand extends Verb {

    @Parameters(arity = "1..*", paramLabel = "SEASON", description = "Season files: as simulate --out writes them, or a season's recorded commands.")
    private List<Path> files;

    @Option(names = "--rules", paramLabel = "DIR", required = true, description = "The proposed rules: the rule files in DIR.")
    private Path rules;

    @Option(names = "--baseline", paramLabel = "DIR", description = "The rules to compare with (default: the shipped rules).")
    private Path baseline;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the impact as JSON to FILE: an object per season file.")
    private Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the impact as one self-contained HTML page to FILE.")
    private Path html;

    @Override
    public Integer call() {
        EnrollmentCli.writable("--json", json);
        EnrollmentCli.writable("--html", html);
        Optional<RuleSet> before = cli().rules(baseline);
        Optional<RuleSet> after = before.isEmpty() ? Optional.empty() : cli().rules(rules);
        if (after.isEmpty()) {
            return EnrollmentCli.NOTHING_RAN;
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<SeasonImpact> impacts = new ArrayList<>();
        ImpactReplay replay = new ImpactReplay(before.get(), after.get(), Clock.systemUTC());
        for (Path file : files) {
            try {
                impacts.add(replay.replay(file, line -> {
                    err.println(line);
                    err.flush();
                }));
            } catch (ScenarioFileException | UncheckedIOException e) {
                err.println(file + ": " + e.getMessage());
                err.flush();
                return EnrollmentCli.NOTHING_RAN;
            }
        }
        impacts.forEach(i -> ImpactText.print(i, out, false));
        if (json != null) {
            ImpactJson.write(impacts, json);
            out.println("JSON written to " + json);
        }
        if (html != null) {
            ImpactPage.write(impacts, html);
            out.println("HTML report written to " + html);
        }
        out.flush();
        return 0;
    }
}
