package dev.hindsight.load;

import dev.hindsight.model.Problem;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Finds an incident's date when the front matter does not give one. In order:
 * <ol>
 *   <li>a "Date:" line in the body ({@code **Date:** January 14-19, 2026} gives the first day);</li>
 *   <li>a date at the start of the file or bundle name ({@code 2024-03-11-...});</li>
 *   <li>when the name gives only a year or a month ({@code PM2021-008}, {@code jan-2019-...}): the first full date
 *       in that year or month in the timeline, then in the body; then a timeline date whose year has a stray digit
 *       ({@code 20202-01-16} in PM2020-003) read with the name's year, reported as a warning;</li>
 *   <li>the first full date in the timeline, then in the body.</li>
 * </ol>
 * Only the first {@value #SEARCH_CHARS} characters of a body are searched.
 */
final class DateInference {
    /** How much of a body is searched for a date. */
    static final int SEARCH_CHARS = 200_000;

    private DateInference() {
    }

    /**
     * Infers the date, recording the inference in the draft; empty when nothing gives one.
     *
     * @param stem     the file name without extension, or the bundle folder name
     * @param timeline the plain text of the timeline sections
     * @param body     the plain text of the body
     */
    static Optional<LocalDate> infer(Draft d, List<MetadataLines.Fact> facts, String stem, String timeline, String body,
                                     String path, List<Problem> problems) {
        Optional<MetadataLines.Fact> line = MetadataLines.first(facts, "date");
        if (line.isPresent()) {
            Optional<DateFinder.Found> f = DateFinder.first(line.get().value());
            if (f.isPresent()) {
                d.inferred("date", f.get().date().toString(), "'" + line.get().label() + ": " + line.get().value() + "' line");
                return Optional.of(f.get().date());
            }
        }
        FileNames.DateHint hint = FileNames.date(stem);
        if (hint.date().isPresent()) {
            d.inferred("date", hint.date().get().toString(), "file name");
            return hint.date();
        }
        String tl = cap(timeline);
        String all = cap(body);
        if (hint.year().isPresent()) {
            int year = hint.year().getAsInt();
            String scope = hint.month().isPresent() ? "the month in the file name" : "the year in the file name";
            Optional<DateFinder.Found> f = DateFinder.firstIn(tl, year, hint.month());
            if (f.isPresent()) {
                return found(d, f.get(), "first timeline date in " + scope);
            }
            f = DateFinder.firstIn(all, year, hint.month());
            if (f.isPresent()) {
                return found(d, f.get(), "first date in the body in " + scope);
            }
            f = DateFinder.malformedYear(tl.isEmpty() ? all : tl, year);
            if (f.isPresent()) {
                problems.add(Problem.warning(path, 0, "date-inferred", "the timeline date '" + f.get().text()
                        + "' has a malformed year; the date " + f.get().date() + " is read with the year " + year
                        + " from the file name: add `date:` front matter to be sure"));
                return found(d, f.get(), "timeline date '" + f.get().text() + "' with the year from the file name");
            }
        }
        Optional<DateFinder.Found> f = DateFinder.first(tl);
        if (f.isPresent()) {
            return found(d, f.get(), "first timeline date");
        }
        f = DateFinder.first(all);
        if (f.isPresent()) {
            return found(d, f.get(), "first date in the body");
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> found(Draft d, DateFinder.Found f, String source) {
        d.inferred("date", f.date().toString(), source + " ('" + f.text() + "')");
        return Optional.of(f.date());
    }

    private static String cap(String s) {
        return s.length() > SEARCH_CHARS ? s.substring(0, SEARCH_CHARS) : s;
    }
}
