package org.enrollment.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.enrollment.core.child.ResidentId;
import org.enrollment.rules.DroolsPolicyEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code impact}: a known edit of the document table changes exactly the commands and children it should, and
 * the report says so; an edit that changes nothing reports nothing changed.
 */
class ImpactCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path season;

    @BeforeAll
    static void simulateASmallSeason() {
        season = dir.resolve("season.jsonl");
        CliRun simulate = CliRun.of(EnrollmentCli.shippedPolicies(), "simulate", "--children", "600", "--seed", "5", "--out", season.toString());
        assertThat(simulate.exitCode()).as(simulate.err()).isZero();
    }

    /** The shipped rules exported to a folder of its own, in which 非京籍 children are asked for their birth certificate. */
    static Path rulesAskingNonBeijingChildrenForTheirBirthCertificate(String name) throws IOException {
        Path folder = dir.resolve(name);
        DroolsPolicyEngine.exportShippedRules(folder);
        DocumentTable.ask(folder, DocumentTable.NON_BEIJING, "BIRTH", true);
        return folder;
    }

    @Test
    void askingNonBeijingChildrenForTheirBirthCertificateChangesTheirPassingVerificationsAndWhatFollows() throws IOException {
        Path rules = rulesAskingNonBeijingChildrenForTheirBirthCertificate("birth");
        Path json = dir.resolve("impact.json");

        CliRun impact = CliRun.of(EnrollmentCli.shippedPolicies(), "impact", "--rules", rules.toString(), "--json", json.toString(),
                "--html", dir.resolve("impact.html").toString(), season.toString());

        assertThat(impact.exitCode()).as(impact.err()).isZero();
        Expected expected = Expected.of(season);
        assertThat(expected.lines).as("the season has passing verifications of 非京籍 children").isGreaterThan(20);
        JsonNode s = JSON.readTree(json.toFile()).get(0);
        assertThat(s.get("file").asText()).isEqualTo(season.toString());
        assertThat(impact.err()).as("the last progress line counts the whole file")
                .contains(String.format("%,d commands replayed under both rule sets, all of the file", s.get("commands").asLong()));
        assertThat(group(s.get("changes").get("byKind"), "verify")).isEqualTo(expected.lines);
        // each affected child's first passing verification is refused for the missing document; a later one may be
        // refused for the state the first refusal left
        assertThat(group(s.get("changes").get("byReason"), "+DOCUMENTS_MISSING")).isBetween((long) expected.children.size(), expected.lines);
        assertThat(s.get("commandsChanged").asLong()).isGreaterThan(expected.lines);
        for (JsonNode g : s.get("changes").get("byKind")) {
            for (JsonNode example : g.get("examples")) {
                assertThat(expected.masked).as("a changed command names an affected child: " + example)
                        .anyMatch(m -> example.asText().contains(m));
            }
        }
        assertThat(s.get("childrenChanged").asLong()).isPositive().isLessThanOrEqualTo(expected.children.size());
        // a child selected from a co-build list is filed by that route under both
        assertThat(s.get("noLongerFiled").asLong()).isPositive().isLessThanOrEqualTo(expected.filed);
        assertThat(s.get("newlyFiled").asLong()).isZero();
        assertThat(s.get("proposed").get("fingerprint").asText()).isNotEqualTo(s.get("baseline").get("fingerprint").asText());
        assertThat(impact.out()).contains(String.format("%,d of", s.get("commandsChanged").asLong()))
                .contains("+DOCUMENTS_MISSING").contains(String.format("%,d no longer reach FILED", s.get("noLongerFiled").asLong()));
        assertThat(impact.out() + Files.readString(json) + Files.readString(dir.resolve("impact.html"))).doesNotContain(expected.raw.toArray(String[]::new));
    }

    @Test
    void anEditThatChangesNoDecisionReportsNothingChanged() throws IOException {
        Path rules = dir.resolve("unchanged");
        DroolsPolicyEngine.exportShippedRules(rules);
        // asking 京籍 children for the household register (户口簿) they are already asked for: saved, but no rule changes
        DocumentTable.ask(rules, DocumentTable.BEIJING, "HUKOU", true);
        Path json = dir.resolve("same.json");

        CliRun impact = CliRun.of(EnrollmentCli.shippedPolicies(), "impact", "--rules", rules.toString(), "--json", json.toString(), season.toString());

        assertThat(impact.exitCode()).as(impact.err()).isZero();
        JsonNode s = JSON.readTree(json.toFile()).get(0);
        assertThat(s.get("commands").asLong()).isPositive();
        assertThat(s.get("commandsChanged").asLong()).isZero();
        assertThat(s.get("childrenChanged").asLong()).isZero();
        assertThat(s.get("baseline").get("funnel")).isEqualTo(s.get("proposed").get("funnel"));
        assertThat(s.get("proposed").get("fingerprint").asText()).as("another file was compared")
                .isNotEqualTo(s.get("baseline").get("fingerprint").asText());
        assertThat(impact.out()).contains("Nothing changed");
    }

    @Test
    void checkRulesWithASeasonShowsTheImpactSummary() throws IOException {
        Path rules = rulesAskingNonBeijingChildrenForTheirBirthCertificate("birth2");
        Path scenario = Path.of(System.getProperty("enrollment.sharedScenarios"), "lifecycle.jsonl");

        CliRun check = CliRun.of(EnrollmentCli.shippedPolicies(), "check-rules", rules.toString(), scenario.toString(),
                "--season", season.toString());

        assertThat(check.out()).contains("Never fired:").contains("Impact on " + season).contains("+DOCUMENTS_MISSING");
    }

    @Test
    void aSeasonFileThatIsNotThereIsAOneLineErrorWithExitTwo() {
        CliRun impact = CliRun.of(EnrollmentCli.shippedPolicies(), "impact", "--rules", dir.toString(), dir.resolve("none.jsonl").toString());

        assertThat(impact.exitCode()).isEqualTo(2);
    }

    private static long group(JsonNode groups, String key) {
        for (JsonNode g : groups) {
            if (g.get("key").asText().equals(key)) {
                return g.get("count").asLong();
            }
        }
        return 0;
    }

    /** What the edit must change, worked out from the season file alone. */
    private static final class Expected {
        long lines;
        long filed;
        final Set<String> children = new HashSet<>();
        final Set<String> masked = new HashSet<>();
        final Set<String> raw = new HashSet<>();

        static Expected of(Path season) throws IOException {
            Expected e = new Expected();
            Map<String, String> household = new HashMap<>();
            for (String line : Files.readAllLines(season)) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("{\"season\"")) {
                    continue;
                }
                JsonNode c = JSON.readTree(line);
                String kind = c.get("do").asText();
                String child = c.path("child").asText(null);
                boolean accepted = "ACCEPTED".equals(c.path("expect").path("outcome").asText());
                if ((kind.equals("register") || kind.equals("amend")) && accepted && c.hasNonNull("household")) {
                    household.put(child, c.get("household").asText());
                }
                if (kind.equals("verify") && accepted && "pass".equals(c.path("result").asText())
                        && household.getOrDefault(child, "").startsWith("NB:") && !List.of(JSON.convertValue(c.get("documents"), String[].class)).contains("BIRTH")) {
                    e.lines++;
                    e.children.add(child);
                    e.masked.add(ResidentId.mask(child));
                }
                if (kind.equals("file") && accepted && e.children.contains(child)) {
                    e.filed++;
                }
            }
            e.children.forEach(c -> e.raw.add(c));
            return e;
        }
    }
}
