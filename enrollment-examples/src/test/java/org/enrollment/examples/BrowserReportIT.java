package org.enrollment.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.enrollment.rules.DroolsPolicyEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two HTML reports ({@code impact --html}, {@code simulate --html}) opened in a real headless browser,
 * Debian's {@code chromium}: the SVG funnel charts are laid out, and the figures on the page are the JSON's.
 * Skipped, saying so, only when chromium is not installed and this is not CI ({@code .ci/run} installs it).
 * With {@code -Denrollment.screenshots=DIR} it also saves a screenshot of each page there (the README's, in docs/).
 */
class BrowserReportIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Beijing's and each of its 16 districts' funnel. */
    private static final int CHARTS = 17;

    @TempDir
    static Path dir;

    static Path chromium;
    static Path seasonFile;
    static Path seasonPage;
    static String simulated;

    @BeforeAll
    static void findChromiumAndSimulateASeason() {
        Optional<Path> found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(p -> Path.of(p, "chromium")).filter(Files::isExecutable).findFirst();
        if (found.isEmpty() && System.getenv("CI") != null) {
            throw new AssertionError("chromium is not on the PATH in CI; .ci/run installs it (apt-get install chromium).");
        }
        assumeTrue(found.isPresent(), "BrowserReportIT skipped: chromium is not installed (apt-get install chromium) and this is not CI.");
        chromium = found.get();
        seasonFile = dir.resolve("season.jsonl");
        seasonPage = dir.resolve("season.html");
        CliRun simulate = CliRun.of(EnrollmentCli.shippedPolicies(), "simulate", "--children", "600", "--seed", "3",
                "--out", seasonFile.toString(), "--html", seasonPage.toString());
        assertThat(simulate.exitCode()).as(simulate.err()).isZero();
        simulated = simulate.out();
    }

    @Test
    void theImpactPageDrawsItsFunnelsAndShowsTheFiguresOfTheJson() throws Exception {
        Path rules = dir.resolve("rules");
        DroolsPolicyEngine.exportShippedRules(rules);
        DocumentTable.ask(rules, DocumentTable.NON_BEIJING, "BIRTH", true);
        Path json = dir.resolve("impact.json");
        Path page = dir.resolve("impact.html");
        CliRun impact = CliRun.of(EnrollmentCli.shippedPolicies(), "impact", "--rules", rules.toString(), "--json", json.toString(),
                "--html", page.toString(), seasonFile.toString());
        assertThat(impact.exitCode()).as(impact.err()).isZero();

        String dom = dumpDom(page);

        assertThat(chartsLaidOut(dom)).isEqualTo(CHARTS);
        JsonNode s = JSON.readTree(json.toFile()).get(0);
        for (String figure : List.of("commands", "commandsChanged", "childrenChanged", "noLongerFiled", "newlyFiled")) {
            assertThat(figure(dom, figure)).as(figure).isEqualTo(s.get(figure).asLong());
        }
        assertThat(s.get("commandsChanged").asLong()).isPositive();
        assertThat(dom).contains("+DOCUMENTS_MISSING").contains("规则变更影响报告").contains(s.get("baseline").get("fingerprint").asText().substring(0, 12));
        screenshot(page, "impact-report.png");
    }

    @Test
    void theSeasonPageDrawsItsFunnelsAndShowsTheSeasonsFigures() throws Exception {
        String dom = dumpDom(seasonPage);

        assertThat(chartsLaidOut(dom)).isEqualTo(CHARTS);
        assertThat(figure(dom, "commands")).isEqualTo(number(simulated, "Commands: ([\\d,]+) "));
        assertThat(figure(dom, "accepted")).isEqualTo(number(simulated, "accepted ([\\d,]+)"));
        assertThat(figure(dom, "total-registered")).isEqualTo(number(simulated, "Beijing\\s+([\\d,]+)"));
        screenshot(seasonPage, "season-report.png");
    }

    /** How many funnel charts the page's script found laid out with a size ({@code <body data-charts>}). */
    private static int chartsLaidOut(String dom) {
        Matcher m = Pattern.compile("<body[^>]*data-charts=\"(\\d+)\"").matcher(dom);
        assertThat(m.find()).as("the page's script ran and marked the charts it found laid out").isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static long figure(String dom, String name) {
        Matcher m = Pattern.compile("data-figure=\"" + Pattern.quote(name) + "\" data-v=\"(\\d+)\">([\\d,]+)<").matcher(dom);
        assertThat(m.find()).as("figure %s on the page", name).isTrue();
        assertThat(m.group(2).replace(",", "")).as("figure %s as shown", name).isEqualTo(m.group(1));
        return Long.parseLong(m.group(1));
    }

    private static long number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    private static String dumpDom(Path page) throws Exception {
        Path out = dir.resolve(page.getFileName() + ".dom");
        browse(out, "--dump-dom", page.toUri().toString());
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static void screenshot(Path page, String name) throws Exception {
        Path shot = dir.resolve(name);
        browse(null, "--screenshot=" + shot, "--window-size=1280,2200", "--hide-scrollbars", page.toUri().toString());
        assertThat(Files.size(shot)).as("a screenshot of %s", page).isGreaterThan(10_000);
        String docs = System.getProperty("enrollment.screenshots");
        if (docs != null) {
            Files.copy(shot, Path.of(docs).resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Runs headless chromium (as root it needs --no-sandbox), standard output to the file when given. */
    private static void browse(Path stdout, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--user-data-dir=" + dir.resolve("profile"), "--virtual-time-budget=5000"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(dir.resolve("chromium.log").toFile());
        pb.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 180 s: " + command);
        }
        assertThat(p.exitValue()).as("chromium %s: %s", command, readLog()).isZero();
    }

    private static String readLog() throws IOException {
        Path log = dir.resolve("chromium.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
