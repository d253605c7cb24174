package dev.hindsight.load;

import dev.hindsight.model.Problem;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Finds an incident's date when the front matter does not give one. In order:
 * <ol>
 *   <li>a "Date:" line or metadata-table row in the body ({@code **Date:** January 14-19, 2026} gives the first day);</li>
 *   <li>a date in the title ({@code 2023-05-23: API outage}, {@code Outage of Feb-07-2022}), unless the file name
 *       gives another that is not a report written up to {@value #REPORT_LAG_DAYS} days later;</li>
 *   <li>a date at the start of the file or bundle name ({@code 2024-03-11-...}, {@code 20240311_...}), or a
 *       numeric one that its folder's month disambiguates ({@code 2026/03/04-03-2026-...});</li>
 *   <li>when the name or its folders give only a year or a month ({@code PM2021-008}, {@code jan-2019-...},
 *       {@code 2023-04/}): the first full date in that year or month in the timeline, then in the body; then a
 *       timeline date whose year has a stray digit ({@code 20202-01-16}) read with that year, reported as a warning;</li>
 *   <li>a day-only name in a year-and-month folder ({@code 2023-04/04-25-...}, {@code 2023/04/25-...});</li>
 *   <li>the first full date in the timeline, then in the body;</li>
 *   <li>a month and day without a year ({@code Feb 20}) in the title, the timeline or the body, in the year of the
 *       name, the folders or, failing those, the nearest dated file of the same folder.</li>
 * </ol>
 * Numeric dates ({@code 04/05/2023}) are read in the file's own day order, else the collection's
 * ({@link DateEvidence}); one that stays ambiguous is named in the warning. Only the first {@value #SEARCH_CHARS}
 * characters of a body are searched.
 */
final class DateInference {
    /** How much of a body is searched for a date. */
    static final int SEARCH_CHARS = 200_000;
    /** How many days after an incident its report may be dated, in a file name. */
    static final int REPORT_LAG_DAYS = 31;

    private DateInference() {
    }

    /**
     * The texts a date is looked for in.
     *
     * @param stem     the file name without extension, or the bundle folder name
     * @param title    the title as written (front matter or first H1), or empty when it comes from the file name
     * @param timeline the plain text of the timeline sections
     * @param body     the plain text of the body
     */
    record Sources(String path, String stem, String title, String timeline, String body) {
    }

    /**
     * Infers the date, recording the inference in the draft; empty when nothing gives one.
     *
     * @param order the day order of the file's numeric dates ({@link DateEvidence#orderOf(DayOrder.Tally)})
     */
    static Optional<LocalDate> infer(Draft d, List<MetadataLines.Fact> facts, Sources src, DayOrder order,
                                     DateEvidence evidence, List<Problem> problems) {
        String tl = cap(src.timeline());
        String all = cap(src.body());
        Optional<MetadataLines.Fact> line = MetadataLines.first(facts, "date");
        if (line.isPresent()) {
            Optional<DateFinder.Found> f = DateFinder.first(line.get().value(), order);
            if (f.isPresent()) {
                d.inferred("date", f.get().date().toString(), "'" + line.get().label() + ": " + line.get().value() + "' line");
                return Optional.of(f.get().date());
            }
        }
        Optional<DateFinder.Found> inTitle = DateFinder.first(src.title(), order);
        FileNames.DateHint folders = FileNames.folders(src.path(), src.stem());
        FileNames.DateHint name = FileNames.date(src.stem(), order, folders.anyMonth());
        if (inTitle.isPresent() && (name.date().isEmpty() || reportedLater(inTitle.get().date(), name.date().get()))) {
            return found(d, inTitle.get(), "the title");
        }
        if (name.date().isPresent()) {
            d.inferred("date", name.date().get().toString(), "file name");
            return name.date();
        }
        FileNames.DateHint hint = name.year().isPresent() ? name
                : folders.date().isPresent() ? new FileNames.DateHint(Optional.empty(),
                        OptionalInt.of(folders.date().get().getYear()), OptionalInt.of(folders.date().get().getMonthValue()))
                : folders;
        if (hint.year().isPresent()) {
            int year = hint.year().getAsInt();
            String scope = hint == name ? (hint.month().isPresent() ? "the month in the file name" : "the year in the file name")
                    : "the folder's " + (hint.month().isPresent() ? "month" : "year");
            Optional<DateFinder.Found> f = DateFinder.firstIn(tl, year, hint.month(), order);
            if (f.isPresent()) {
                return found(d, f.get(), "first timeline date in " + scope);
            }
            f = DateFinder.firstIn(all, year, hint.month(), order);
            if (f.isPresent()) {
                return found(d, f.get(), "first date in the body in " + scope);
            }
            f = DateFinder.malformedYear(tl.isEmpty() ? all : tl, year);
            if (f.isPresent()) {
                problems.add(Problem.warning(src.path(), 1, "date-inferred", "the timeline date '" + f.get().text()
                        + "' has a malformed year; the date " + f.get().date() + " is read with the year " + year
                        + " from " + scope + ": add `date:` front matter to be sure"));
                return found(d, f.get(), "timeline date '" + f.get().text() + "' with the year from " + scope);
            }
        }
        if (folders.date().isPresent()) {
            d.inferred("date", folders.date().get().toString(), "folder and file name");
            return folders.date();
        }
        Optional<DateFinder.Found> f = DateFinder.first(tl, order);
        if (f.isPresent()) {
            return found(d, f.get(), "first timeline date");
        }
        f = DateFinder.first(all, order);
        if (f.isPresent()) {
            return found(d, f.get(), "first date in the body");
        }
        OptionalInt year = hint.year().isPresent() ? hint.year() : evidence.neighbourYear();
        if (year.isPresent()) {
            String from = hint.year().isPresent() ? "the year of the name or folder" : "the year of the nearest dated file";
            for (String text : new String[] {src.title(), tl, all}) {
                Optional<DateFinder.Found> md = DateFinder.firstMonthDay(text, year.getAsInt());
                if (md.isPresent()) {
                    return found(d, md.get(), "a month and day with " + from);
                }
            }
        }
        DateFinder.firstAmbiguous(src.title() + "\n" + all).ifPresent(a -> problems.add(Problem.warning(src.path(), 1,
                "ambiguous-date", a + "; neither the file nor the collection shows which part is the month: add "
                        + "`date: YYYY-MM-DD` front matter")));
        return Optional.empty();
    }

    /**
     * Returns true when a file name's date can be the day the report on an incident of the title's date was written:
     * the same day or up to {@value #REPORT_LAG_DAYS} days later. Otherwise the title's date is taken for a typo
     * and the name wins (the mismatch is a warning of its own).
     */
    private static boolean reportedLater(LocalDate title, LocalDate name) {
        return !title.isAfter(name) && !title.plusDays(REPORT_LAG_DAYS).isBefore(name);
    }

    private static Optional<LocalDate> found(Draft d, DateFinder.Found f, String source) {
        d.inferred("date", f.date().toString(), source + " ('" + f.text() + "')");
        return Optional.of(f.date());
    }

    /** Returns the part of a text that dates are looked for in. */
    static String cap(String s) {
        return s.length() > SEARCH_CHARS ? s.substring(0, SEARCH_CHARS) : s;
    }
}
