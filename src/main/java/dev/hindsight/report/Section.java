package dev.hindsight.report;

import dev.hindsight.model.Validate;

import java.util.List;
import java.util.Optional;

/**
 * One numbered section of the report, in the order a page shows it: lead, figures, charts, tables, notes.
 *
 * @param id      the anchor id ("recurring")
 * @param number  1 to 9
 * @param title   the heading
 * @param lead    one or two sentences that answer the section's question in words
 * @param figures headline numbers
 * @param charts  inline SVG charts
 * @param tables  tables, each downloadable
 * @param notes   explanations and caveats
 */
public record Section(String id, int number, String title, String lead, List<Figure> figures, List<Chart> charts,
                      List<Table> tables, List<Note> notes) {
    public Section {
        Validate.notBlank(id, "id");
        Validate.notBlank(title, "title");
        Validate.notNull(lead, "lead");
        figures = List.copyOf(figures);
        charts = List.copyOf(charts);
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
    }

    /** Returns the table with an id, if the section has it. */
    public Optional<Table> table(String tableId) {
        return tables.stream().filter(t -> t.id().equals(tableId)).findFirst();
    }

    /** Returns the figure with a key, if the section has it. */
    public Optional<Figure> figure(String key) {
        return figures.stream().filter(f -> f.key().equals(key)).findFirst();
    }
}
