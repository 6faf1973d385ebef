package org.enrollment.examples.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.enrollment.examples.impact.Breakdown.Group;
import org.enrollment.examples.impact.ImpactText;
import org.enrollment.examples.impact.SeasonImpact;
import org.enrollment.examples.impact.SeasonImpact.Grouping;
import org.enrollment.examples.impact.SeasonImpact.Side;
import org.enrollment.examples.scenario.Funnel;
import org.enrollment.examples.scenario.Funnel.Stage;

/** The page of {@code impact --html} (规则变更影响报告): for each season, what was compared and what would change. */
public final class ImpactPage {

    private ImpactPage() {
    }

    /** Writes the page of the seasons' impact to the file. */
    public static void write(List<SeasonImpact> seasons, Path file) {
        Html page = new Html("规则变更影响报告", "Impact of a rule change");
        for (SeasonImpact s : seasons) {
            season(page, s);
        }
        page.write(file);
    }

    private static void season(Html page, SeasonImpact s) {
        page.heading("h2", "学年 " + s.year() + "：" + s.file(), "season " + s.year() + ": " + s.file());
        page.table("compared", List.of("比较 compared", "规则 rules", "指纹 fingerprint"), List.of(
                List.of("现行（基线）baseline", s.baseline().origin(), ImpactText.shortPrint(s.baseline().fingerprint())),
                List.of("拟发布 proposed", s.proposed().origin(), ImpactText.shortPrint(s.proposed().fingerprint()))));
        page.paragraph("比较时间 compared at " + s.comparedAt() + "；季度文件 season file " + s.file());
        page.figure("commands", s.commands(), "条命令已回放", "commands replayed under both rule sets");
        page.figure("commandsChanged", s.commandsChanged(), "条命令结果或理由不同", "commands end with another outcome or reasons");
        page.figure("childrenChanged", s.childrenChanged(), "名儿童最终状态不同", "children end in another state");
        page.figure("noLongerFiled", s.noLongerFiled(), "名儿童不再建档", "children no longer reach FILED");
        page.figure("newlyFiled", s.newlyFiled(), "名儿童新建档", "children newly reach FILED");
        if (s.nothingChanged()) {
            page.heading("h3", "没有变化", "Nothing changed: every command and every child ends the same.");
        }
        funnels(page, s.baseline(), s.proposed());
        for (Grouping g : List.of(Grouping.RULE, Grouping.REASON, Grouping.DISTRICT, Grouping.SCHOOL, Grouping.KIND)) {
            groups(page, "changes-" + g.jsonName(), "命令变化：按" + g.chinese(), "changed commands by " + g.english(), g, s.changes(g));
        }
        for (Grouping g : List.of(Grouping.TRANSITION, Grouping.DISTRICT)) {
            groups(page, "children-" + g.jsonName(), "儿童变化：按" + g.chinese(), "changed children by " + g.english(), g, s.children(g));
        }
        rules(page, s.baseline(), s.proposed());
    }

    private static void funnels(Html page, Side a, Side b) {
        page.heading("h3", "各区漏斗", "funnel per district: registered → verified → pre-admitted → approved → admitted → filed");
        page.charts(List.of("现行 baseline", "拟发布 proposed"));
        Funnel fa = a.funnel();
        Funnel fb = b.funnel();
        page.funnelChart("北京市 Beijing", List.of(totals(fa), totals(fb)));
        for (int d = 0; d < fa.districts().size(); d++) {
            page.funnelChart(fa.districts().get(d).code() + " " + fa.districts().get(d).name(), List.of(fa.counts()[d], fb.counts()[d]));
        }
        page.endCharts();
        List<String> headings = new ArrayList<>(List.of("区 district"));
        for (Stage stage : Stage.values()) {
            headings.add(stage.chinese() + " " + stage.english() + " 现行 baseline");
            headings.add(stage.chinese() + " " + stage.english() + " 拟发布 proposed");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int d = 0; d < fa.districts().size(); d++) {
            List<Object> row = new ArrayList<>(List.of(fa.districts().get(d).code() + " " + fa.districts().get(d).name()));
            for (Stage stage : Stage.values()) {
                row.add(fa.count(d, stage));
                row.add(fb.count(d, stage));
            }
            rows.add(row);
        }
        page.table("funnel", headings, rows);
    }

    static long[] totals(Funnel f) {
        long[] t = new long[Stage.values().length];
        for (Stage stage : Stage.values()) {
            t[stage.ordinal()] = f.total(stage);
        }
        return t;
    }

    private static void groups(Html page, String name, String chinese, String english, Grouping g, List<Group> groups) {
        if (groups.isEmpty()) {
            return;
        }
        page.heading("h3", chinese, english);
        List<List<Object>> rows = groups.stream().map(x -> List.<Object>of(x.key(), x.count(), x.examples())).toList();
        page.table(name, List.of(g.chinese() + " " + g.english(), "数量 count", "示例 examples (IDs masked)"), rows);
    }

    private static void rules(Html page, Side a, Side b) {
        page.heading("h3", "触发的规则", "rules fired under each, and never fired");
        TreeSet<String> names = new TreeSet<>(a.rulesFired().keySet());
        names.addAll(b.rulesFired().keySet());
        names.addAll(a.neverFired());
        names.addAll(b.neverFired());
        List<List<Object>> rows = new ArrayList<>();
        for (String rule : names) {
            rows.add(List.of(rule, fired(a.rulesFired(), rule), fired(b.rulesFired(), rule)));
        }
        page.table("rules", List.of("规则 rule", "现行触发次数 fired, baseline", "拟发布触发次数 fired, proposed"), rows);
    }

    private static Long fired(Map<String, Long> fired, String rule) {
        return fired.getOrDefault(rule, 0L);
    }
}
