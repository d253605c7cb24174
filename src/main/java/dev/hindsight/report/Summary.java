package dev.hindsight.report;

import dev.hindsight.model.Validate;

import java.util.List;

/**
 * The summary that opens a report for the meeting, made to fit one screen and one printed page: the headline
 * numbers, each against the previous year when the scope is a year, and a few short lists. Every number is read from
 * the facts the sections compute, and each number and list links to the section or table behind it.
 *
 * @param numbers the headline numbers, in reading order
 * @param lists   the short lists, in reading order
 */
public record Summary(List<Headline> numbers, List<Shortlist> lists) {
    /** How many entries a list shows before "and N more". */
    public static final int SHOWN = 5;

    public Summary {
        numbers = List.copyOf(numbers);
        lists = List.copyOf(lists);
    }

    /** Returns an empty summary, for a report that has no sections. */
    public static Summary none() {
        return new Summary(List.of(), List.of());
    }

    /**
     * One headline number.
     *
     * @param key      a stable camelCase name for JSON
     * @param label    what it counts, in plain words
     * @param value    the number as shown
     * @param previous the previous year's number with the change ("2024: 6 (+1)"), or "" for all years
     * @param detail   what a share is of, or ""
     * @param anchor   the id of the section or table behind it, in the same page
     */
    public record Headline(String key, String label, String value, String previous, String detail, String anchor) {
        public Headline {
            Validate.notBlank(key, "key");
            Validate.notBlank(label, "label");
            Validate.notNull(value, "value");
            Validate.notNull(previous, "previous");
            Validate.notNull(detail, "detail");
            Validate.notBlank(anchor, "anchor");
        }
    }

    /**
     * A short list: its first entries, with "and N more" linking to the table that has them all.
     *
     * @param id      a stable id ("themes")
     * @param title   the heading
     * @param anchor  the id of the table behind it, in the same page
     * @param limit   how many entries it shows
     * @param entries every entry, most important first
     * @param empty   what to say when there are none
     */
    public record Shortlist(String id, String title, String anchor, int limit, List<Entry> entries, String empty) {
        public Shortlist {
            Validate.notBlank(id, "id");
            Validate.notBlank(title, "title");
            Validate.notBlank(anchor, "anchor");
            Validate.isTrue(limit > 0, "a list shows at least one entry");
            entries = List.copyOf(entries);
            Validate.notBlank(empty, "empty");
        }

        /** Returns the entries shown: the first {@code limit}. */
        public List<Entry> shown() {
            return entries.subList(0, Math.min(limit, entries.size()));
        }

        /** Returns how many entries are left for the table behind it. */
        public int more() {
            return entries.size() - shown().size();
        }
    }

    /**
     * One entry of a short list: what it is about and a few words, then lines of the incidents or items it names.
     *
     * @param main  the subject: a theme, an owner, an incident
     * @param note  a few words after it, or ""
     * @param lines the incidents or items it names, a line each kind
     */
    public record Entry(Cell main, String note, List<Line> lines) {
        public Entry {
            Validate.notNull(main, "main");
            Validate.notNull(note, "note");
            lines = List.copyOf(lines);
        }
    }

    /**
     * A line of links under an entry, such as "earlier: 2023-08-14; 2022-11-25"; a screen shows it on one line.
     *
     * @param label words before the links, or ""
     * @param links the incidents or items, most important first; pages show the first {@link #SHOWN}
     */
    public record Line(String label, List<Cell> links) {
        public Line {
            Validate.notNull(label, "label");
            links = List.copyOf(links);
        }

        /** Returns the links shown: the first {@link #SHOWN}. */
        public List<Cell> shownLinks() {
            return links.subList(0, Math.min(SHOWN, links.size()));
        }

        /** Returns how many links are left for the table behind it. */
        public int moreLinks() {
            return links.size() - shownLinks().size();
        }
    }
}
