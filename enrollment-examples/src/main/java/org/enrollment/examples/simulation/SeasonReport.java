package org.enrollment.examples.simulation;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.enrollment.core.audit.AuditHead;
import org.enrollment.core.audit.AuditVerification;
import org.enrollment.core.command.CommandKind;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.core.registry.Registry;
import org.enrollment.core.season.District;
import org.enrollment.examples.scenario.AuditExport;
import org.enrollment.examples.scenario.Funnel;
import org.enrollment.examples.scenario.Funnel.Stage;

/**
 * What a simulated season came to: per district, how many registrations reached each stage of the funnel
 * (registered → verified → pre-admitted → approved → admitted → filed; registrations, so a child registered twice
 * counts twice, as the printed table says) and the refusals by reason; the
 * commands played and how fast; and whether the audit log checked out.
 *
 * @param seed the seed
 * @param children how many children the season had
 * @param schools how many schools
 * @param districts the districts, in catalog order
 * @param funnel per district, the registrations that reached each stage
 * @param refusals per district (and a last row for refusals that name none), the count of each reason code
 * @param commands the commands played
 * @param accepted how many were accepted
 * @param byKind the commands played by kind
 * @param nanos the time the play took
 * @param audit the audit log's check against its head
 * @param head the audit log's head
 * @param auditFile the file the audit log was exported to and checked from, or {@code null} when it was checked
 *        in memory
 * @param heapUsedBytes the heap in use after the play
 */
public record SeasonReport(long seed, int children, int schools, List<District> districts, Funnel funnel,
                           long[][] refusals, long commands, long accepted, Map<CommandKind, Long> byKind, long nanos,
                           AuditVerification audit, AuditHead head, Path auditFile, long heapUsedBytes) {

    static SeasonReport of(SeasonSimulator simulator, Registry registry, Tally tally, long nanos, Path auditFile) {
        CityPlan city = simulator.city();
        Funnel funnel = Funnel.of(registry.store(), city.districts);
        AuditHead head = registry.audit().head();
        AuditVerification audit = auditFile == null ? registry.audit().verify(head)
                : AuditExport.exportAndVerify(registry.audit(), auditFile);
        Runtime rt = Runtime.getRuntime();
        return new SeasonReport(simulator.seed(), simulator.children(), city.schools.size(), city.districts, funnel,
                tally.refusals, tally.commands, tally.accepted, Map.copyOf(tally.byKind), nanos, audit, head, auditFile,
                rt.totalMemory() - rt.freeMemory());
    }

    /** Commands per second of the play. */
    public double commandsPerSecond() {
        return commands / (nanos / 1e9);
    }

    /** Prints the summary: the funnel table, refusals by district and reason, throughput, the audit check. */
    public void print(PrintWriter out) {
        out.printf("Season 2014: %,d children, %d districts, %,d schools; seed %d.%n%n", children, districts.size(), schools, seed);
        out.printf("%-16s %11s %11s %13s %11s %11s %11s%n", "district", "registered", "verified", "pre-admitted",
                "approved", "admitted", "filed");
        for (int d = 0; d < districts.size(); d++) {
            District district = districts.get(d);
            row(out, pad(district.code() + " " + district.name(), 16), funnel.counts()[d]);
        }
        long[] totals = new long[Stage.values().length];
        for (Stage s : Stage.values()) {
            totals[s.ordinal()] = funnel.total(s);
        }
        row(out, pad("Beijing", 16), totals);
        out.println("(Registrations, not children: a child registered again, after withdrawing or a boarding school's rejection,");
        out.println("or by a co-build selection that supersedes the online registration, counts twice; one refused counts in none.)");
        out.println();
        out.println("Refusals by reason:");
        long[] all = new long[ReasonCode.values().length];
        for (int d = 0; d <= districts.size(); d++) {
            for (int r = 0; r < all.length; r++) {
                all[r] += refusals[d][r];
            }
            if (Arrays.stream(refusals[d]).anyMatch(n -> n > 0)) {
                String where = d < districts.size() ? districts.get(d).code() + " " + districts.get(d).name() : "(no district)";
                out.printf("  %s %s%n", pad(where, 16), reasons(refusals[d]));
            }
        }
        out.printf("  %s %s%n%n", pad("Beijing", 16), Arrays.stream(all).anyMatch(n -> n > 0) ? reasons(all) : "none");
        List<String> kinds = new ArrayList<>();
        for (CommandKind k : CommandKind.values()) {
            if (byKind.containsKey(k)) {
                kinds.add(k.text() + " " + String.format("%,d", byKind.get(k)));
            }
        }
        out.printf("Commands: %,d (accepted %,d, refused %,d): %s.%n", commands, accepted, commands - accepted, String.join(", ", kinds));
        out.printf("Throughput: %,d commands in %.1f s: %,.0f commands/s (one thread, in-memory store).%n", commands,
                nanos / 1e9, commandsPerSecond());
        String check = audit.intact() ? "verified intact" : "NOT intact at entry " + audit.firstBadIndex() + ": " + audit.problem();
        out.printf("Audit log: %,d entries, %s; head %s.%n", head.count(),
                auditFile == null ? check : "exported to " + auditFile + " and checked from the file: " + check, head.lastHash());
        out.printf("Heap in use after the season: %,d MB (max %,d MB).%n", heapUsedBytes >> 20, Runtime.getRuntime().maxMemory() >> 20);
        out.flush();
    }

    /** The reasons counted in a row, in code order, e.g. {@code PLAN_FULL 12, DOCUMENTS_MISSING 3}. */
    private static String reasons(long[] row) {
        List<String> parts = new ArrayList<>();
        for (ReasonCode code : ReasonCode.values()) {
            if (row[code.ordinal()] > 0) {
                parts.add(code.name() + " " + String.format("%,d", row[code.ordinal()]));
            }
        }
        return String.join(", ", parts);
    }

    private static void row(PrintWriter out, String label, long[] counts) {
        out.printf("%s %,11d %,11d %,13d %,11d %,11d %,11d%n", label, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);
    }

    /** Pads to a display width, counting a CJK character as two columns. */
    private static String pad(String text, int width) {
        int shown = text.codePoints().map(c -> c >= 0x2E80 ? 2 : 1).sum();
        return text + " ".repeat(Math.max(0, width - shown));
    }
}
