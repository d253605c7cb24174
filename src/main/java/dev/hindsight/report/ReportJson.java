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
