package dev.hindsight.check;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.ActionType;
import dev.hindsight.model.Impact;
import dev.hindsight.model.Inference;
import dev.hindsight.model.Lessons;
import dev.hindsight.model.LintRule;
import dev.hindsight.model.Page;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Section;
import dev.hindsight.model.SectionKind;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.SourceFile;
import dev.hindsight.model.Status;
import dev.hindsight.model.Term;
import dev.hindsight.model.TimelineEvent;
import dev.hindsight.model.Times;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-built records for the check tests: a complete, clean incident by default, changed field by field. */
final class Incidents {
    static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    private Incidents() {
    }

    /** Returns a site config with small vocabularies and two blameless rules. */
    static SiteConfig config() {
        return config(List.of(new LintRule("human error", "Describe the conditions instead."),
                new LintRule("\\bforgot\\b", "Say which step the tooling did not prompt.")));
    }

    /** Returns a site config with small vocabularies and the given blameless rules. */
    static SiteConfig config(List<LintRule> rules) {
        return new SiteConfig("Test", "", "https://kb.example/", "en", ZoneOffset.UTC,
                terms("SEV1", "SEV2", "SEV3"), terms("capacity", "config-change", "dns"),
                terms("checkout-api", "orders-db", "coredns"), terms("payments", "platform"),
                Map.of(), List.of(), rules, TODAY, List.of());
    }

    /** Returns a site config whose vocabularies are all empty. */
    static SiteConfig openConfig() {
        return new SiteConfig("Test", "", "/", "en", ZoneOffset.UTC, List.of(), List.of(), List.of(), List.of(),
                Map.of(), List.of(), List.of(), TODAY, List.of());
    }

    private static List<Term> terms(String... ids) {
        List<Term> out = new ArrayList<>();
        for (String id : ids) {
            String label = Character.toUpperCase(id.charAt(0)) + id.substring(1).replace('-', ' ');
            out.add(new Term(id, label, "", Optional.empty()));
        }
        return out;
    }

    /** Returns a builder for a clean incident with a slug. */
    static Builder incident(String slug) {
        return new Builder(slug);
    }

    /** Returns a site of incidents with the default config. */
    static Site site(Postmortem... incidents) {
        return new Site(config(), List.of(incidents), List.of(), List.of());
    }

    /** Returns a content page. */
    static Page page(String slug, String bodyHtml) {
        return new Page(slug, "pages/" + slug + ".md", slug, 0, bodyHtml, "");
    }

    /** Returns the instant of a UTC time on the incident day. */
    static Instant at(String time) {
        return Instant.parse("2024-03-11T" + time + ":00Z");
    }

    /** Returns an action item. */
    static ActionItem item(String title, String owner, LocalDate due, ActionStatus status, int line) {
        return new ActionItem(title, ActionType.PREVENT, Optional.ofNullable(owner), Optional.ofNullable(due), status,
                Optional.empty(), Optional.empty(), line);
    }

    /** Builds a postmortem, starting from a complete one. */
    static final class Builder {
        private final String slug;
        private String source;
        private String title;
        private LocalDate date = LocalDate.of(2024, 3, 11);
        private Optional<String> severity = Optional.of("SEV2");
        private Status status = Status.PUBLISHED;
        private List<String> services = List.of("checkout-api");
        private List<String> teams = List.of("payments");
        private List<String> causes = List.of("capacity");
        private Times times = Times.UNKNOWN;
        private List<String> authors = List.of("payments-oncall");
        private List<String> related = List.of();
        private List<String> recurrenceOf = List.of();
        private List<ActionItem> actionItems = List.of(item("Add an alert", "payments", LocalDate.of(2024, 4, 1),
                ActionStatus.OPEN, 0));
        private List<Section> sections = new ArrayList<>();
        private List<TimelineEvent> timeline = List.of();
        private String bodyHtml = "";
        private String bodyText = "";
        private List<Inference> inferences = List.of();
        private Optional<String> summary = Optional.of("The pool ran dry.");

        Builder(String slug) {
            this.slug = slug;
            this.source = "postmortems/" + slug + ".md";
            this.title = "Incident " + slug;
            int line = 10;
            for (SectionKind k : SectionRule.EXPECTED) {
                sections.add(new Section(k, k.label(), k.name().toLowerCase(java.util.Locale.ROOT), "", line));
                line += 5;
            }
        }

        Builder source(String s) {
            source = s;
            return this;
        }

        Builder title(String t) {
            title = t;
            return this;
        }

        Builder date(LocalDate d) {
            date = d;
            return this;
        }

        Builder severity(String s) {
            severity = Optional.ofNullable(s);
            return this;
        }

        Builder status(Status s) {
            status = s;
            return this;
        }

        Builder services(String... s) {
            services = List.of(s);
            return this;
        }

        Builder teams(String... t) {
            teams = List.of(t);
            return this;
        }

        Builder causes(String... c) {
            causes = List.of(c);
            return this;
        }

        Builder times(Times t) {
            times = t;
            return this;
        }

        Builder authors(String... a) {
            authors = List.of(a);
            return this;
        }

        Builder related(String... r) {
            related = List.of(r);
            return this;
        }

        Builder recurrenceOf(String... r) {
            recurrenceOf = List.of(r);
            return this;
        }

        Builder actionItems(ActionItem... items) {
            actionItems = List.of(items);
            return this;
        }

        Builder sections(Section... s) {
            sections = List.of(s);
            return this;
        }

        Builder timeline(TimelineEvent... events) {
            timeline = List.of(events);
            return this;
        }

        Builder body(String html, String text) {
            bodyHtml = html;
            bodyText = text;
            return this;
        }

        Builder summary(String s) {
            summary = Optional.ofNullable(s);
            return this;
        }

        Builder inferred(String... fields) {
            List<Inference> out = new ArrayList<>();
            for (String f : fields) {
                out.add(new Inference(f, "x", "timeline row 1"));
            }
            inferences = out;
            return this;
        }

        Postmortem build() {
            return new Postmortem(slug, source, title, date, severity, status, summary, services, teams, List.of(),
                    causes, Optional.empty(), Optional.empty(), false, false, times, Impact.UNKNOWN, authors, related,
                    recurrenceOf, actionItems, timeline, sections, Lessons.NONE, List.of(), bodyHtml, bodyText,
                    inferences, Map.of(), List.of());
        }
    }

    /** Returns a source-file entry, for drafts and failed files the site accounts for. */
    static SourceFile file(String path, SourceFile.Outcome outcome) {
        return new SourceFile(path, outcome, outcome == SourceFile.Outcome.SKIPPED ? "draft" : "");
    }
}
