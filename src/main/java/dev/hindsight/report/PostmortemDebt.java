package dev.hindsight.report;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.SectionKind;
import dev.hindsight.model.SourceFile;
import dev.hindsight.model.Status;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Section 9's numbers, postmortem debt: write-ups missing causes, times, action items or lessons, and drafts older
 * than {@value #STALE_DAYS} days. Drafts are in the site only when it is built with --drafts; otherwise the loader
 * skipped them, and the report finds them in the file account instead (dated by their file name when it starts with one).
 */
final class PostmortemDebt {
    /** A draft older than this many days (since the incident) is stale. */
    static final int STALE_DAYS = 30;
    /** The debt kinds, in display order. */
    static final List<String> KINDS = List.of("causes", "times", "action items", "lessons");
    private static final Pattern FILE_DATE = Pattern.compile("(?:^|/)(\\d{4}-\\d{2}-\\d{2})[^/]*$");

    private PostmortemDebt() {
    }

    /**
     * The numbers of the section.
     *
     * @param entries       incidents of the scope with at least one gap, oldest first
     * @param incidents     incidents of the scope
     * @param staleDrafts   drafts of the scope older than {@value #STALE_DAYS} days, oldest first
     * @param draftsInBuild true when the site includes drafts (built with --drafts)
     * @param skippedDrafts drafts the loader skipped, in the scope (undated ones only for all years)
     */
    record Facts(List<Entry> entries, int incidents, List<Draft> staleDrafts, boolean draftsInBuild, int skippedDrafts) {
        Facts {
            entries = List.copyOf(entries);
            staleDrafts = List.copyOf(staleDrafts);
        }

        /** Returns how many incidents miss one kind of thing. */
        int missing(String kind) {
            return (int) entries.stream().filter(e -> e.missing().contains(kind)).count();
        }
    }

    /**
     * One incident's gaps.
     *
     * @param slug    the incident
     * @param status  its status id
     * @param missing what it lacks, from {@link #KINDS}
     */
    record Entry(String slug, String status, List<String> missing) {
        Entry {
            missing = List.copyOf(missing);
        }
    }

    /**
     * A stale draft.
     *
     * @param slug    the incident slug when it is in the build, else ""
     * @param path    its source file, relative to the content folder
     * @param date    its incident date, when known
     * @param ageDays days since then, when known
     * @param inBuild true when it is part of this build
     */
    record Draft(String slug, String path, Optional<LocalDate> date, Optional<Long> ageDays, boolean inBuild) {
    }

    /** Counts the section's numbers. */
    static Facts facts(ReportInput in) {
        List<Entry> entries = new ArrayList<>();
        List<Draft> stale = new ArrayList<>();
        for (Postmortem p : in.inScope) {
            List<String> missing = new ArrayList<>();
            if (p.date().isEmpty()) {
                missing.add("date");
            }
            if (p.causes().isEmpty()) {
                missing.add("causes");
            }
            if (!in.timing(p).complete()) {
                missing.add("times");
            }
            if (p.actionItems().isEmpty()) {
                missing.add("action items");
            }
            if (p.lessons().isEmpty() && p.section(SectionKind.LESSONS).isEmpty()) {
                missing.add("lessons");
            }
            if (!missing.isEmpty()) {
                entries.add(new Entry(p.slug(), p.status().id(), missing));
            }
            Optional<Long> age = p.date().map(d -> ChronoUnit.DAYS.between(d, in.today));
            if (p.status() == Status.DRAFT && (age.isEmpty() || age.get() > STALE_DAYS)) {
                stale.add(new Draft(p.slug(), p.source(), p.date(), age, true));
            }
        }
        boolean inBuild = in.site.postmortems().stream().anyMatch(p -> p.status() == Status.DRAFT);
        int skipped = 0;
        for (SourceFile f : in.site.files()) {
            if (f.outcome() != SourceFile.Outcome.SKIPPED || !f.reason().toLowerCase(Locale.ROOT).contains("draft")) {
                continue;
            }
            Optional<LocalDate> date = fileDate(f.path());
            boolean inScope = date.map(d -> in.scope.year().map(y -> d.getYear() == y).orElse(true)).orElse(in.scope.year().isEmpty());
            if (!inScope) {
                continue;
            }
            skipped++;
            Optional<Long> age = date.map(d -> ChronoUnit.DAYS.between(d, in.today));
            if (age.isEmpty() || age.get() > STALE_DAYS) {
                stale.add(new Draft("", f.path(), date, age, false));
            }
        }
        stale.sort(java.util.Comparator.comparing((Draft d) -> d.date().orElse(LocalDate.MIN)).thenComparing(Draft::path));
        return new Facts(entries, in.inScope.size(), stale, inBuild, skipped);
    }

    /** Returns the date a file name starts with, such as 2024-03-11 in "postmortems/2024-03-11-x.md". */
    static Optional<LocalDate> fileDate(String path) {
        String p = path.endsWith("/index.md") ? path.substring(0, path.length() - "/index.md".length()) : path;
        Matcher m = FILE_DATE.matcher(p);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(m.group(1)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
