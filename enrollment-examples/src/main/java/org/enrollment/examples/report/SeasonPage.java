package org.enrollment.examples.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.enrollment.core.command.CommandKind;
import org.enrollment.core.command.ReasonCode;
import org.enrollment.examples.RuleSet;
import org.enrollment.examples.impact.ImpactText;
import org.enrollment.examples.scenario.Funnel;
import org.enrollment.examples.scenario.Funnel.Stage;
import org.enrollment.examples.simulation.SeasonReport;

/** The page of {@code simulate --html} (学年报告): the season's funnels, refusals and commands. */
public final class SeasonPage {

    private SeasonPage() {
    }

    /** Writes the page of a played season, judged by the rules, at the time, to the file. */
    public static void write(SeasonReport report, RuleSet rules, Instant at, Path file) {
        Html page = new Html("学年模拟报告", "Simulated season report");
        page.table("compared", List.of("项目 item", "值 value"), List.of(
                List.of("规则 rules", rules.origin()),
                List.of("指纹 fingerprint", ImpactText.shortPrint(rules.fingerprint())),
                List.of("种子 seed", String.valueOf(report.seed())),
                List.of("时间 time", at.toString()),
                List.of("审计日志 audit log", report.head().count() + " entries, " + (report.audit().intact() ? "intact 完整" : "NOT intact 不完整"))));
        page.figure("children", report.children(), "名儿童", "children");
        page.figure("commands", report.commands(), "条命令", "commands played");
        page.figure("accepted", report.accepted(), "条命令被接受", "accepted");
        page.figure("refused", report.commands() - report.accepted(), "条命令被拒绝", "refused");
        Funnel f = report.funnel();
        for (Stage stage : Stage.values()) {
            page.figure("total-" + stage.english(), f.total(stage), stage.chinese(), stage.english() + " (Beijing)");
        }
        page.heading("h3", "各区漏斗", "funnel per district: registered → verified → pre-admitted → approved → admitted → filed");
        page.charts(List.of("本学年 this season"));
        page.funnelChart("北京市 Beijing", List.of(ImpactPage.totals(f)));
        for (int d = 0; d < f.districts().size(); d++) {
            page.funnelChart(f.districts().get(d).code() + " " + f.districts().get(d).name(), List.<long[]>of(f.counts()[d]));
        }
        page.endCharts();
        List<String> headings = new ArrayList<>(List.of("区 district"));
        for (Stage stage : Stage.values()) {
            headings.add(stage.chinese() + " " + stage.english());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int d = 0; d < f.districts().size(); d++) {
            List<Object> row = new ArrayList<>(List.of(f.districts().get(d).code() + " " + f.districts().get(d).name()));
            for (Stage stage : Stage.values()) {
                row.add(f.count(d, stage));
            }
            rows.add(row);
        }
        page.table("funnel", headings, rows);
        page.heading("h3", "拒绝理由", "refusals by reason");
        List<List<Object>> reasons = new ArrayList<>();
        for (ReasonCode code : ReasonCode.values()) {
            long n = 0;
            for (long[] row : report.refusals()) {
                n += row[code.ordinal()];
            }
            if (n > 0) {
                reasons.add(List.of(code.name(), n));
            }
        }
        page.table("refusals", List.of("理由代码 reason code", "数量 count"), reasons);
        page.heading("h3", "命令", "commands by kind");
        List<List<Object>> kinds = new ArrayList<>();
        for (CommandKind k : CommandKind.values()) {
            if (report.byKind().containsKey(k)) {
                kinds.add(List.of(k.text(), report.byKind().get(k)));
            }
        }
        page.table("kinds", List.of("命令 command", "数量 count"), kinds);
        page.write(file);
    }
}
