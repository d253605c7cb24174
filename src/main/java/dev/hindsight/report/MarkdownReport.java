package dev.hindsight.report;

import dev.hindsight.render.RelativeLinks;

import java.util.List;

/**
 * Writes a report as GitHub-flavoured Markdown for a meeting document: the same sections, figures, tables and notes
 * as the page. Links point at the published site when the base URL is absolute, else they are left as plain text;
 * charts are left out, since their data is in the tables.
 */
final class MarkdownReport {
    private final Report report;
    private final boolean links;
    private final StringBuilder sb = new StringBuilder(16 * 1024);

    private MarkdownReport(Report report) {
        this.report = report;
        this.links = RelativeLinks.isAbsolute(report.baseUrl());
    }

    /** Returns the Markdown text of a report. */
    static String of(Report r) {
        return new MarkdownReport(r).write();
    }

    private String write() {
        sb.append("# ").append(escape(report.title())).append(" \u2014 ").append(escape(report.siteTitle())).append("\n\n");
        sb.append("As of ").append(report.today()).append("; ").append(ReportFormat.plural(report.incidents(), "incident", "incidents"))
                .append(" in ").append(report.scope().title()).append(".\n");
        summary(report.summary());
        for (Section s : report.sections()) {
            sb.append("\n## ").append(s.number()).append(". ").append(escape(s.title())).append("\n\n");
            if (!s.lead().isEmpty()) {
                sb.append(escape(s.lead())).append("\n\n");
            }
            for (Figure f : s.figures()) {
                sb.append("- **").append(escape(f.label())).append(":** ").append(escape(f.value()));
                if (!f.detail().isEmpty()) {
                    sb.append(" \u2014 ").append(escape(f.detail()));
                }
                sb.append('\n');
            }
            for (Table t : s.tables()) {
                table(t);
            }
            for (Note n : s.notes()) {
                sb.append('\n').append(escape(n.text()));
                if (!n.sources().isEmpty()) {
                    sb.append(" Sources: ");
                    for (int i = 0; i < n.sources().size(); i++) {
                        Link l = n.sources().get(i);
                        sb.append(i > 0 ? "; " : "").append('[').append(escape(l.text())).append("](").append(l.href()).append(')');
                    }
                    sb.append('.');
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** Writes the summary: the headline numbers, then each short list's first entries and how many more there are. */
    private void summary(Summary sm) {
        if (sm.numbers().isEmpty()) {
            return;
        }
        sb.append("\n## At a glance\n\n");
        for (Summary.Headline h : sm.numbers()) {
            sb.append("- **").append(escape(h.label())).append(":** ").append(escape(h.value()));
            String more = String.join("; ", java.util.stream.Stream.of(h.previous(), h.detail()).filter(x -> !x.isEmpty()).toList());
            sb.append(more.isEmpty() ? "" : " \u2014 " + escape(more)).append('\n');
        }
        for (Summary.Shortlist l : sm.lists()) {
            sb.append("\n### ").append(escape(l.title())).append("\n\n");
            if (l.entries().isEmpty()) {
                sb.append('_').append(escape(l.empty())).append("_\n");
                continue;
            }
            int n = 1;
            for (Summary.Entry e : l.shown()) {
                sb.append(n++).append(". ").append(cell(e.main())).append(e.note().isEmpty() ? "" : " " + escape(e.note()));
                for (Summary.Line line : e.lines()) {
                    sb.append(line.label().isEmpty() ? " " : " " + escape(line.label()) + " ")
                            .append(String.join("; ", line.links().stream().map(this::cell).toList()));
                }
                sb.append('\n');
            }
            if (l.more() > 0) {
                sb.append("\n_And ").append(l.more()).append(" more in the table ").append(escape(l.anchor().replaceFirst("^t-", "")))
                        .append("._\n");
            }
        }
    }

    private void table(Table t) {
        sb.append("\n### ").append(escape(t.title())).append("\n\n");
        if (!t.description().isEmpty()) {
            sb.append(escape(t.description())).append("\n\n");
        }
        if (t.rows().isEmpty()) {
            sb.append('_').append(escape(t.empty())).append("_\n");
            return;
        }
        sb.append('|');
        t.columns().forEach(c -> sb.append(' ').append(escape(c.label())).append(" |"));
        sb.append("\n|");
        t.columns().forEach(c -> sb.append(c.numeric() ? " --: |" : " --- |"));
        sb.append('\n');
        for (List<Cell> row : t.shownRows()) {
            sb.append('|');
            row.forEach(c -> sb.append(' ').append(cell(c)).append(" |"));
            sb.append('\n');
        }
        if (t.hiddenRows() > 0) {
            sb.append("\n_Showing the first ").append(Table.SHOWN_ROWS).append(" of ").append(t.rows().size())
                    .append(" rows; ").append(t.csvFile()).append(" and ").append(t.jsonFile()).append(" have them all._\n");
        }
    }

    private String cell(Cell c) {
        if (c.type() == Cell.Type.LIST) {
            String sep = c.chain() ? " \u2192 " : ", ";
            String text = String.join(sep, c.head().stream().map(this::cell).toList());
            if (c.omitted() > 0) {
                text += sep + "\u2026 " + c.omitted() + " more \u2026" + sep + String.join(sep, c.tail().stream().map(this::cell).toList());
            }
            return text;
        }
        String text = escape(c.text());
        if (c.linked() && (links || c.href().startsWith("http"))) {
            String href = c.href().startsWith("http") ? c.href() : RelativeLinks.absolute(report.baseUrl(), c.href());
            text = "[" + text + "](" + href.replace(")", "%29").replace(" ", "%20") + ")";
        }
        if (!c.detail().isEmpty()) {
            text += " (" + escape(c.detail()) + ")";
        }
        return c.strong() ? "**" + text + "**" : text;
    }

    /** Escapes the characters Markdown would read as syntax inside running text and table cells. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#' -> out.append('\\').append(ch);
                case '\n', '\r' -> out.append(' ');
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
