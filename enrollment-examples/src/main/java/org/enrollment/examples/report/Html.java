package org.enrollment.examples.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.enrollment.core.child.ResidentId;
import org.enrollment.examples.scenario.Funnel.Stage;

/**
 * A self-contained HTML page being written: the head with its inline style and the one inline script (sortable
 * tables; it also marks on {@code <body data-charts>} how many charts the browser laid out), and the parts
 * both reports use: bilingual headings, figures the tests read back ({@code data-figure}), tables, funnel charts.
 * Every text is escaped and has resident IDs masked.
 */
final class Html {

    private static final String STYLE = """
            body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;margin:2em;color:#222;max-width:1200px}
            h1,h2{font-weight:600}.en{color:#666;font-weight:400;font-size:.85em;margin-left:.5em}
            table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:3px 8px;text-align:left}
            th{background:#f0f0f0;cursor:pointer}td.n{text-align:right;font-variant-numeric:tabular-nums}
            .figure{font-size:1.6em;font-weight:600;margin-right:.2em}.charts{display:flex;flex-wrap:wrap;gap:12px}
            .chart{border:1px solid #ddd;padding:4px}.ex{color:#555;font-size:.85em}.legend span{margin-right:1em}
            """;
    private static final String SCRIPT = """
            document.querySelectorAll('table.sortable th').forEach(function (th, i) {
              th.addEventListener('click', function () {
                var table = th.closest('table'), body = table.tBodies[0], rows = Array.from(body.rows);
                var col = th.cellIndex, down = th.dataset.dir !== 'down';
                rows.sort(function (a, b) {
                  var x = a.cells[col].dataset.v || a.cells[col].textContent, y = b.cells[col].dataset.v || b.cells[col].textContent;
                  var nx = parseFloat(x), ny = parseFloat(y);
                  var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, 'zh');
                  return down ? -c : c;
                });
                th.dataset.dir = down ? 'down' : 'up';
                rows.forEach(function (r) { body.appendChild(r); });
              });
            });
            document.body.dataset.charts = Array.from(document.querySelectorAll('svg.funnel'))
              .filter(function (s) { var b = s.getBBox(); return b.width > 0 && b.height > 0; }).length;
            """;
    /** The colours of the baseline and the proposed rules' bars. */
    private static final String[] COLOURS = {"#9aa5b1", "#2f6fde"};

    private final StringBuilder page = new StringBuilder(1 << 16);

    /** A page with its title in Chinese and English. */
    Html(String chinese, String english) {
        page.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").append(text(chinese + " " + english))
                .append("</title>\n<style>").append(STYLE).append("</style></head>\n<body>\n");
        heading("h1", chinese, english);
    }

    /** A heading, Chinese first with English beside it. */
    Html heading(String tag, String chinese, String english) {
        page.append('<').append(tag).append('>').append(text(chinese)).append("<span class=\"en\">").append(text(english))
                .append("</span></").append(tag).append(">\n");
        return this;
    }

    /** A figure the tests read back: {@code <span data-figure="name">1,234</span>} followed by its label. */
    Html figure(String name, long value, String chinese, String english) {
        page.append("<p><span class=\"figure\" data-figure=\"").append(text(name)).append("\" data-v=\"").append(value).append("\">")
                .append(String.format("%,d", value)).append("</span> ").append(text(chinese)).append("<span class=\"en\">")
                .append(text(english)).append("</span></p>\n");
        return this;
    }

    /** A paragraph of text. */
    Html paragraph(String content) {
        page.append("<p>").append(text(content)).append("</p>\n");
        return this;
    }

    /** A sortable table; a cell that is a {@link Long} is a number, a {@link List} of strings a list of examples. */
    Html table(String name, List<String> headings, List<List<Object>> rows) {
        page.append("<table class=\"sortable\" data-table=\"").append(text(name)).append("\"><thead><tr>");
        headings.forEach(h -> page.append("<th>").append(text(h)).append("</th>"));
        page.append("</tr></thead><tbody>\n");
        for (List<Object> row : rows) {
            page.append("<tr>");
            for (Object cell : row) {
                if (cell instanceof Long n) {
                    page.append("<td class=\"n\" data-v=\"").append(n).append("\">").append(String.format("%,d", n)).append("</td>");
                } else if (cell instanceof List<?> examples) {
                    page.append("<td class=\"ex\">");
                    examples.forEach(e -> page.append(text(String.valueOf(e))).append("<br>"));
                    page.append("</td>");
                } else {
                    page.append("<td>").append(text(String.valueOf(cell))).append("</td>");
                }
            }
            page.append("</tr>\n");
        }
        page.append("</tbody></table>\n");
        return this;
    }

    /** Starts a row of charts, with the legend of the series. */
    Html charts(List<String> series) {
        page.append("<p class=\"legend\">");
        for (int i = 0; i < series.size(); i++) {
            page.append("<span><svg width=\"12\" height=\"12\"><rect width=\"12\" height=\"12\" fill=\"").append(COLOURS[i])
                    .append("\"/></svg> ").append(text(series.get(i))).append("</span>");
        }
        page.append("</p>\n<div class=\"charts\">\n");
        return this;
    }

    /** Ends a row of charts. */
    Html endCharts() {
        page.append("</div>\n");
        return this;
    }

    /**
     * A funnel chart: for each stage, a bar per series (at most two), scaled to the largest count.
     *
     * @param title the chart's title, e.g. the district
     * @param series per series, a count per stage
     */
    Html funnelChart(String title, List<long[]> series) {
        int width = 270;
        int rowHeight = 10 * series.size() + 8;
        int height = 22 + rowHeight * Stage.values().length;
        long max = 1;
        for (long[] s : series) {
            for (long n : s) {
                max = Math.max(max, n);
            }
        }
        page.append("<svg class=\"funnel chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" data-title=\"").append(text(title)).append("\"><text x=\"4\" y=\"14\" font-size=\"12\">")
                .append(text(title)).append("</text>");
        for (Stage stage : Stage.values()) {
            int y = 22 + rowHeight * stage.ordinal();
            page.append("<text x=\"4\" y=\"").append(y + 10).append("\" font-size=\"10\">").append(stage.chinese()).append("</text>");
            for (int i = 0; i < series.size(); i++) {
                long n = series.get(i)[stage.ordinal()];
                long w = Math.max(1, Math.round(150.0 * n / max));
                page.append("<rect x=\"50\" y=\"").append(y + 10 * i).append("\" width=\"").append(w)
                        .append("\" height=\"9\" fill=\"").append(COLOURS[i]).append("\"><title>").append(stage.english()).append(' ')
                        .append(n).append("</title></rect><text x=\"").append(54 + w).append("\" y=\"").append(y + 8 + 10 * i)
                        .append("\" font-size=\"9\">").append(String.format("%,d", n)).append("</text>");
            }
        }
        page.append("</svg>\n");
        return this;
    }

    /** Writes the page, with its script, to the file. */
    void write(Path file) {
        page.append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
        try {
            Files.writeString(file, page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The text escaped for HTML, resident IDs masked. */
    static String text(String s) {
        String masked = ResidentId.maskAll(s == null ? "" : s);
        StringBuilder b = new StringBuilder(masked.length());
        for (char c : masked.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
