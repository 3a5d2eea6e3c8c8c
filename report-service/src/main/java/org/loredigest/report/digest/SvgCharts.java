package org.loredigest.report.digest;

import java.util.List;
import java.util.Locale;
import org.loredigest.report.digest.Digest.Change;
import org.loredigest.report.digest.Digest.Count;

/** Small inline SVG bar charts; every label is escaped here because the SVG is inserted into the page unescaped. */
final class SvgCharts {

    private static final int WIDTH = 320;
    private static final int ROW = 22;
    private static final int LABEL = 110;

    private SvgCharts() {
    }

    static String bars(List<Count> counts) {
        int max = Math.max(1, counts.stream().mapToInt(Count::count).max().orElse(1));
        StringBuilder svg = open(Math.max(1, counts.size()) * ROW);
        for (int i = 0; i < counts.size(); i++) {
            Count c = counts.get(i);
            int y = i * ROW;
            int w = (int) Math.round((WIDTH - LABEL - 40) * (double) c.count() / max);
            svg.append(text(4, y + 15, c.key()))
                    .append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\" fill=\"#0a84ff\"/>", LABEL, y + 3, w))
                    .append(text(LABEL + w + 4, y + 15, String.valueOf(c.count())));
        }
        return svg.append("</svg>").toString();
    }

    /** Two bars per key: the previous period (grey) above the current one (blue). */
    static String trend(List<Change> changes) {
        int max = Math.max(1, changes.stream().mapToInt(c -> Math.max(c.current(), c.previous())).max().orElse(1));
        StringBuilder svg = open(Math.max(1, changes.size()) * ROW * 2);
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            int y = i * ROW * 2;
            int before = (int) Math.round((WIDTH - LABEL - 50) * (double) c.previous() / max);
            int now = (int) Math.round((WIDTH - LABEL - 50) * (double) c.current() / max);
            svg.append(text(4, y + 24, c.key()))
                    .append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"14\" fill=\"#c7c7cc\"/>", LABEL, y + 4, before))
                    .append(text(LABEL + before + 4, y + 16, String.valueOf(c.previous())))
                    .append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"14\" fill=\"#0a84ff\"/>", LABEL, y + 22, now))
                    .append(text(LABEL + now + 4, y + 34, c.current() + " (" + c.signedDelta() + ")"));
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(int height) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" font-size=\"12\">", WIDTH, height));
    }

    private static String text(int x, int y, String value) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", x, y, Xml.escape(value));
    }
}
