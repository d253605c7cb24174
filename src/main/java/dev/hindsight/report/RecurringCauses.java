package dev.hindsight.report;

import dev.hindsight.analyze.Recurrence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Section 3, recurring causes: categories and category-and-service pairs seen in more than one incident, chains
 * declared with recurrence_of, and clusters of similar incidents. Each chain is listed oldest first, reaching back
 * to earlier years but never past the end of the scope, and is shown when at least one of its incidents is in it.
 */
final class RecurringCauses {
    private RecurringCauses() {
    }

    /**
     * The numbers of the section.
     *
     * @param causeChains        categories in more than one incident
     * @param causeServiceChains category-and-service pairs in more than one incident
     * @param declared           chains declared with recurrence_of
     * @param clusters           groups of similar incidents
     * @param fromSimilarity     true when the clusters come from the search index's similarity, false for the
     *                           fallback by shared category and service
     */
    record Facts(List<Chain> causeChains, List<Chain> causeServiceChains, List<Chain> declared, List<SimilarClusters.Cluster> clusters,
                 boolean fromSimilarity) {
        Facts {
            causeChains = List.copyOf(causeChains);
            causeServiceChains = List.copyOf(causeServiceChains);
            declared = List.copyOf(declared);
            clusters = List.copyOf(clusters);
        }
    }

    /**
     * One chain of incidents.
     *
     * @param kind    how it was found
     * @param cause   the category ("" for a declared chain without a shared one)
     * @param service the service of a category-and-service chain, else ""
     * @param slugs   the incidents, oldest first
     * @param inScope how many of them are in the scope
     */
    record Chain(Recurrence.Kind kind, String cause, String service, List<String> slugs, int inScope) {
        Chain {
            slugs = List.copyOf(slugs);
        }
    }

    /** Finds the section's chains and clusters. */
    static Facts facts(ReportInput in) {
        List<Chain> cause = new ArrayList<>();
        List<Chain> causeService = new ArrayList<>();
        List<Chain> declared = new ArrayList<>();
        for (Recurrence r : in.shared.recurrences) {
            List<String> slugs = in.upToEnd(r.slugs());
            int inScope = (int) slugs.stream().filter(in::inScope).count();
            if (inScope == 0 || slugs.size() < 2) {
                continue;
            }
            Chain c = new Chain(r.kind(), r.cause(), r.service(), slugs, inScope);
            switch (r.kind()) {
                case CAUSE -> cause.add(c);
                case CAUSE_AND_SERVICE -> causeService.add(c);
                case DECLARED -> declared.add(c);
            }
        }
        Comparator<Chain> order = Comparator.comparingInt(Chain::inScope).reversed()
                .thenComparing(Comparator.comparingInt((Chain c) -> c.slugs().size()).reversed())
                .thenComparing(c -> in.categories.label(c.cause())).thenComparing(Chain::service)
                .thenComparing(c -> c.slugs().get(0));
        cause.sort(order);
        causeService.sort(order);
        declared.sort(order);
        return new Facts(cause, causeService, declared, in.shared.clusters.clusters(in), in.shared.clusters.fromSimilarity());
    }

    /** Presents the chains and clusters as the report section. */
    static Section section(ReportInput in, Facts f) {
        String scope = in.scope.title();
        // Long lists of chains show their top entries and fold the rest away; the downloads have every one.
        List<Table> tables = List.of(
                chainTable(in, "recurring-causes", "Cause categories that came back", f.causeChains(), false).foldAfterTop(),
                chainTable(in, "recurring-cause-service", "The same cause on the same service", f.causeServiceChains(), true).foldAfterTop(),
                declaredTable(in, f.declared()).foldAfterTop(),
                SimilarClusters.table(in, f.clusters()).foldAfterTop());
        List<Figure> figures = List.of(
                new Figure("causeChains", "Recurring cause categories", String.valueOf(f.causeChains().size()), ""),
                new Figure("causeServiceChains", "Recurring cause + service", String.valueOf(f.causeServiceChains().size()), ""),
                new Figure("declaredChains", "Declared recurrence chains", String.valueOf(f.declared().size()), ""),
                new Figure("clusters", "Clusters of similar incidents", String.valueOf(f.clusters().size()),
                        f.fromSimilarity() ? "by text similarity" : "by shared cause and service"));
        String lead = f.causeServiceChains().isEmpty() && f.causeChains().isEmpty()
                ? "No cause category of " + scope + " had been seen in another incident."
                : ReportFormat.plural(f.causeChains().size(), "cause category", "cause categories") + " and "
                + ReportFormat.plural(f.causeServiceChains().size(), "cause-and-service pair", "cause-and-service pairs")
                + " of " + scope + " appear in more than one incident" + (f.causeServiceChains().isEmpty() ? "."
                : "; the same cause on the same service is the strongest sign of a fix that did not hold.");
        List<Note> notes = new ArrayList<>();
        if (in.scope.year().isPresent()) {
            notes.add(Note.of("Chains reach back to earlier years but not past " + scope + "; incidents of " + scope
                    + " are in bold."));
        }
        notes.add(Note.of(f.fromSimilarity()
                ? "Clusters join incidents that list each other among their most similar incidents (shared words, causes "
                + "and services, as on each incident page)."
                : "The search index gave no similar incidents, so clusters join incidents that share a cause category and a service."));
        return new Section("recurring", 3, "Recurring causes", lead, figures, List.of(), tables, notes);
    }

    private static Table chainTable(ReportInput in, String id, String title, List<Chain> chains, boolean withService) {
        List<Column> cols = new ArrayList<>(List.of(Column.text("category", "Cause category")));
        if (withService) {
            cols.add(Column.text("service", "Service"));
        }
        cols.addAll(List.of(Column.number("inScope", "Incidents in " + in.scope.title()), Column.number("inChain", "In chain"),
                Column.text("firstSeen", "First seen"), Column.text("chain", "Chain (oldest first)")));
        List<List<Cell>> rows = new ArrayList<>();
        for (Chain c : chains) {
            List<Cell> r = new ArrayList<>(List.of(in.links.category(c.cause())));
            if (withService) {
                r.add(in.links.service(c.service()));
            }
            r.addAll(List.of(Cell.integer(c.inScope()), Cell.integer(c.slugs().size()),
                    Cell.of(in.bySlug.get(c.slugs().get(0)).dateLabel()), chain(in, c.slugs())));
            rows.add(r);
        }
        return new Table(id, title, withService ? "A cause category and a service that appear together in more than one incident."
                : "A cause category named by more than one incident.", cols, rows, "None.");
    }

    private static Table declaredTable(ReportInput in, List<Chain> chains) {
        List<Column> cols = List.of(Column.text("category", "Shared cause category"), Column.number("inScope", "Incidents in " + in.scope.title()),
                Column.number("inChain", "In chain"), Column.text("chain", "Chain (oldest first)"));
        List<List<Cell>> rows = new ArrayList<>();
        for (Chain c : chains) {
            rows.add(List.of(in.links.category(c.cause()), Cell.integer(c.inScope()), Cell.integer(c.slugs().size()), chain(in, c.slugs())));
        }
        return new Table("declared-chains", "Declared recurrences", "Incidents linked by recurrence_of in their front matter.",
                cols, rows, "No incident declares itself a recurrence of another.");
    }

    /** Returns a list cell of linked incidents, those in the scope in bold. */
    static Cell chain(ReportInput in, List<String> slugs) {
        List<Cell> items = new ArrayList<>();
        for (String s : slugs) {
            items.add(in.links.incident(s).withStrong(in.scope.year().isPresent() && in.inScope(s)));
        }
        return Cell.list(items);
    }
}
