package dev.hindsight.check;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.ActionType;
import dev.hindsight.model.Impact;
import dev.hindsight.model.Inference;
import dev.hindsight.model.KeyAliases;
import dev.hindsight.model.Lessons;
import dev.hindsight.model.LintRule;
import dev.hindsight.model.Page;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.PostmortemFixture;
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
                Map.of(), List.of(), rules, TODAY, List.of(), KeyAliases.BUILT_IN);
    }

    /** Returns a site config whose vocabularies are all empty. */
    static SiteConfig openConfig() {
        return new SiteConfig("Test", "", "/", "en", ZoneOffset.UTC, List.of(), List.of(), List.of(), List.of(),
                Map.of(), List.of(), List.of(), TODAY, List.of(), KeyAliases.BUILT_IN);
    }

    private static List<Term> terms(String... ids) {
        List<Term> out = new ArrayList<>();
        for (String id : ids) {
            String label = Character.toUpperCase(id.charAt(0)) + id.substring(1).replace('-', ' ');
            out.add(new Term(id, label, "", Optional.empty()));
        }
        return out;
    }

    /** Returns a builder for a clean, complete incident with a slug: every field {@code check} asks for is set. */
    static PostmortemFixture incident(String slug) {
        List<Section> sections = new ArrayList<>();
        int line = 10;
        for (SectionKind k : SectionRule.EXPECTED) {
            sections.add(new Section(k, k.label(), k.name().toLowerCase(java.util.Locale.ROOT), "", line));
            line += 5;
        }
        return PostmortemFixture.of(slug).date(LocalDate.of(2024, 3, 11)).severity("SEV2").services("checkout-api")
                .teams("payments").causes("capacity").authors("payments-oncall")
                .actionItems(item("Add an alert", "payments", LocalDate.of(2024, 4, 1), ActionStatus.OPEN, 0))
                .sections(sections).summary("The pool ran dry.");
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

    /** Returns a source-file entry, for drafts and failed files the site accounts for. */
    static SourceFile file(String path, SourceFile.Outcome outcome) {
        return new SourceFile(path, outcome, outcome == SourceFile.Outcome.SKIPPED ? SourceFile.DRAFT : "");
    }
}
