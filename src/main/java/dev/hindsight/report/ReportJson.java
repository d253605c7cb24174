package dev.hindsight.report;

import java.util.List;

/**
 * Writes a report, or one of its tables, as JSON for other tools. Rows are objects keyed by column key; integers
 * and decimals are numbers (shares are fractions from 0 to 1, durations are minutes), list cells are arrays of
 * slugs or ids, empty cells are null.
 */
final class ReportJson {
    private ReportJson() {
    }

    /** Returns the whole report as JSON. */
    static String report(Report r) {
        JsonText j = new JsonText().beginObject();
        head(j, r);
        j.name("incidents").value(r.incidents());
        summary(j, r.summary());
        j.name("sections").beginArray();
        for (Section s : r.sections()) {
            j.beginObject().name("id").value(s.id()).name("number").value(s.number()).name("title").value(s.title())
                    .name("lead").value(s.lead());
            j.name("figures").beginArray();
            for (Figure f : s.figures()) {
                j.beginObject().name("key").value(f.key()).name("label").value(f.label()).name("value").value(f.value())
                        .name("detail").value(f.detail()).endObject();
            }
            j.endArray().name("tables").beginArray();
            s.tables().forEach(t -> table(j, t));
            j.endArray().name("notes").beginArray();
            for (Note n : s.notes()) {
                j.beginObject().name("text").value(n.text()).name("sources").beginArray();
                n.sources().forEach(l -> j.beginObject().name("text").value(l.text()).name("href").value(l.href()).endObject());
                j.endArray().endObject();
            }
            j.endArray().endObject();
        }
        return j.endArray().endObject().done();
    }

    /** Writes the summary: its numbers, and its lists with every entry (links as slugs or ids). */
    private static void summary(JsonText j, Summary sm) {
        j.name("summary").beginObject().name("numbers").beginArray();
        for (Summary.Headline h : sm.numbers()) {
            j.beginObject().name("key").value(h.key()).name("label").value(h.label()).name("value").value(h.value())
                    .name("previous").value(h.previous()).name("detail").value(h.detail()).name("anchor").value(h.anchor()).endObject();
        }
        j.endArray().name("lists").beginArray();
        for (Summary.Shortlist l : sm.lists()) {
            j.beginObject().name("id").value(l.id()).name("title").value(l.title()).name("anchor").value(l.anchor())
                    .name("entries").beginArray();
            for (Summary.Entry e : l.entries()) {
                j.beginObject().name("subject").value(e.main().export()).name("note").value(e.note()).name("lines").beginArray();
                for (Summary.Line line : e.lines()) {
                    j.beginObject().name("label").value(line.label()).name("links").beginArray();
                    line.links().forEach(c -> j.value(c.export()));
                    j.endArray().endObject();
                }
                j.endArray().endObject();
            }
            j.endArray().endObject();
        }
        j.endArray().endObject();
    }

    /** Returns one table as JSON, with the report it belongs to. */
    static String table(Report r, Table t) {
        JsonText j = new JsonText().beginObject();
        head(j, r);
        j.name("table");
        table(j, t);
        return j.endObject().done();
    }

    private static void head(JsonText j, Report r) {
        j.name("site").value(r.siteTitle()).name("scope").value(r.scope().id());
        if (r.scope().year().isPresent()) {
            j.name("year").value(r.scope().year().get());
        }
        j.name("today").value(r.today().toString());
    }

    private static void table(JsonText j, Table t) {
        j.beginObject().name("id").value(t.id()).name("title").value(t.title()).name("description").value(t.description());
        j.name("columns").beginArray();
        t.columns().forEach(c -> j.beginInlineObject().name("key").value(c.key()).name("label").value(c.label()).endObject());
        j.endArray().name("rows").beginArray();
        for (List<Cell> row : t.rows()) {
            j.beginInlineObject();
            for (int i = 0; i < row.size(); i++) {
                j.name(t.columns().get(i).key());
                cell(j, row.get(i));
            }
            j.endObject();
        }
        j.endArray().endObject();
    }

    private static void cell(JsonText j, Cell c) {
        switch (c.type()) {
            case TEXT -> j.value(c.value());
            case INTEGER -> j.value((long) c.number());
            case DECIMAL -> j.decimal(c.number());
            case EMPTY -> j.nullValue();
            case LIST -> {
                j.beginArray();
                c.items().forEach(i -> j.value(i.export()));
                j.endArray();
            }
        }
    }
}
