package dev.hindsight.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.hindsight.model.JsonOut;
import dev.hindsight.model.Validate;

import java.io.IOException;
import java.util.List;

/**
 * Writes a report, or one of its tables, as JSON for other tools. Rows are objects keyed by column key; integers
 * and decimals are numbers (shares are fractions from 0 to 1, durations are minutes), list cells are arrays of
 * slugs or ids, empty cells are null. Indented, with each column and each row on one line.
 */
final class ReportJson {
    private ReportJson() {
    }

    /** Returns the whole report as JSON. */
    static String report(Report r) {
        return document(j -> {
            j.writeStartObject();
            head(j, r);
            j.writeNumberField("incidents", r.incidents());
            summary(j, r.summary());
            j.writeArrayFieldStart("sections");
            for (Section s : r.sections()) {
                section(j, s);
            }
            j.writeEndArray();
            j.writeEndObject();
        });
    }

    private static void section(JsonGenerator j, Section s) throws IOException {
        j.writeStartObject();
        j.writeStringField("id", s.id());
        j.writeNumberField("number", s.number());
        j.writeStringField("title", s.title());
        j.writeStringField("lead", s.lead());
        j.writeArrayFieldStart("figures");
        for (Figure f : s.figures()) {
            j.writeStartObject();
            j.writeStringField("key", f.key());
            j.writeStringField("label", f.label());
            j.writeStringField("value", f.value());
            j.writeStringField("detail", f.detail());
            j.writeEndObject();
        }
        j.writeEndArray();
        j.writeArrayFieldStart("tables");
        for (Table t : s.tables()) {
            table(j, t);
        }
        j.writeEndArray();
        j.writeArrayFieldStart("notes");
        for (Note n : s.notes()) {
            j.writeStartObject();
            j.writeStringField("text", n.text());
            j.writeArrayFieldStart("sources");
            for (var l : n.sources()) {
                j.writeStartObject();
                j.writeStringField("text", l.text());
                j.writeStringField("href", l.href());
                j.writeEndObject();
            }
            j.writeEndArray();
            j.writeEndObject();
        }
        j.writeEndArray();
        j.writeEndObject();
    }

    /** Writes the summary: its numbers, and its lists with every entry (links as slugs or ids). */
    private static void summary(JsonGenerator j, Summary sm) throws IOException {
        j.writeObjectFieldStart("summary");
        j.writeArrayFieldStart("numbers");
        for (Summary.Headline h : sm.numbers()) {
            j.writeStartObject();
            j.writeStringField("key", h.key());
            j.writeStringField("label", h.label());
            j.writeStringField("value", h.value());
            j.writeStringField("previous", h.previous());
            j.writeStringField("detail", h.detail());
            j.writeStringField("anchor", h.anchor());
            j.writeEndObject();
        }
        j.writeEndArray();
        j.writeArrayFieldStart("lists");
        for (Summary.Shortlist l : sm.lists()) {
            j.writeStartObject();
            j.writeStringField("id", l.id());
            j.writeStringField("title", l.title());
            j.writeStringField("anchor", l.anchor());
            j.writeArrayFieldStart("entries");
            for (Summary.Entry e : l.entries()) {
                j.writeStartObject();
                j.writeStringField("subject", e.main().export());
                j.writeStringField("note", e.note());
                j.writeArrayFieldStart("lines");
                for (Summary.Line line : e.lines()) {
                    j.writeStartObject();
                    j.writeStringField("label", line.label());
                    JsonOut.strings(j, "links", line.links().stream().map(Cell::export).toList());
                    j.writeEndObject();
                }
                j.writeEndArray();
                j.writeEndObject();
            }
            j.writeEndArray();
            j.writeEndObject();
        }
        j.writeEndArray();
        j.writeEndObject();
    }

    /** Returns one table as JSON, with the report it belongs to. */
    static String table(Report r, Table t) {
        return document(j -> {
            j.writeStartObject();
            head(j, r);
            j.writeFieldName("table");
            table(j, t);
            j.writeEndObject();
        });
    }

    private static String document(JsonOut.Body body) {
        return JsonOut.string(JsonOut.Layout.INDENTED, body) + "\n";
    }

    private static void head(JsonGenerator j, Report r) throws IOException {
        j.writeStringField("site", r.siteTitle());
        j.writeStringField("scope", r.scope().id());
        if (r.scope().year().isPresent()) {
            j.writeNumberField("year", r.scope().year().get());
        }
        j.writeStringField("today", r.today().toString());
    }

    private static void table(JsonGenerator j, Table t) throws IOException {
        j.writeStartObject();
        j.writeStringField("id", t.id());
        j.writeStringField("title", t.title());
        j.writeStringField("description", t.description());
        j.writeArrayFieldStart("columns");
        for (Column c : t.columns()) {
            JsonOut.oneLine(j, o -> {
                o.writeStartObject();
                o.writeStringField("key", c.key());
                o.writeStringField("label", c.label());
                o.writeEndObject();
            });
        }
        j.writeEndArray();
        j.writeArrayFieldStart("rows");
        for (List<Cell> row : t.rows()) {
            JsonOut.oneLine(j, o -> {
                o.writeStartObject();
                for (int i = 0; i < row.size(); i++) {
                    o.writeFieldName(t.columns().get(i).key());
                    cell(o, row.get(i));
                }
                o.writeEndObject();
            });
        }
        j.writeEndArray();
        j.writeEndObject();
    }

    private static void cell(JsonGenerator j, Cell c) throws IOException {
        switch (c.type()) {
            case TEXT -> j.writeString(c.value());
            case INTEGER -> j.writeNumber((long) c.number());
            case DECIMAL -> {
                Validate.isTrue(Double.isFinite(c.number()), "JSON numbers must be finite");
                j.writeNumber(Cell.decimal(c.number()));
            }
            case EMPTY -> j.writeNull();
            case LIST -> {
                j.writeStartArray();
                for (var i : c.items()) {
                    j.writeString(i.export());
                }
                j.writeEndArray();
            }
        }
    }
}
