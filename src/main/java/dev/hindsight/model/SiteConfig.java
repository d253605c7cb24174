package dev.hindsight.model;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Site settings and vocabularies, read from {@code content/site.yml}.
 *
 * @param title          the site title
 * @param description    one sentence about the site
 * @param baseUrl        the absolute base URL, ending in '/'
 * @param language       the page language
 * @param zone           the time zone for dates shown and for reading zone-less times
 * @param severities     severities, most severe first
 * @param causes         cause categories
 * @param services       services
 * @param teams          teams
 * @param actionItemSlo  days allowed to close an action item, per type
 * @param essential      slugs of must-read incidents
 * @param blameless      blameless-language rules
 * @param today          the day overdue items are measured against (fixed per build for reproducibility)
 * @param synonyms       search synonyms added to the shipped table ({@code search.synonyms})
 * @param keyAliases     front-matter keys of other tools read as ours: the built-in table and {@code import.keys}
 * @param reminders      whether to publish the action-item reminder feeds (calendar per team, overdue Atom feed)
 */
public record SiteConfig(String title, String description, String baseUrl, String language, ZoneId zone,
                         List<Term> severities, List<Term> causes, List<Term> services, List<Term> teams,
                         Map<ActionType, Integer> actionItemSlo, List<String> essential, List<LintRule> blameless,
                         LocalDate today, List<SynonymGroup> synonyms, KeyAliases keyAliases, boolean reminders) {

    public SiteConfig {
        Validate.notBlank(title, "title");
        Validate.notNull(description, "description");
        Validate.notNull(baseUrl, "baseUrl");
        Validate.notBlank(language, "language");
        Validate.notNull(zone, "zone");
        severities = List.copyOf(severities);
        causes = List.copyOf(causes);
        services = List.copyOf(services);
        teams = List.copyOf(teams);
        actionItemSlo = Map.copyOf(actionItemSlo);
        essential = List.copyOf(essential);
        blameless = List.copyOf(blameless);
        Validate.notNull(today, "today");
        synonyms = List.copyOf(synonyms);
        Validate.notNull(keyAliases, "keyAliases");
    }

    /** Creates settings without the reminder feeds (site.yml's default). */
    public SiteConfig(String title, String description, String baseUrl, String language, ZoneId zone,
                      List<Term> severities, List<Term> causes, List<Term> services, List<Term> teams,
                      Map<ActionType, Integer> actionItemSlo, List<String> essential, List<LintRule> blameless,
                      LocalDate today, List<SynonymGroup> synonyms, KeyAliases keyAliases) {
        this(title, description, baseUrl, language, zone, severities, causes, services, teams, actionItemSlo, essential,
                blameless, today, synonyms, keyAliases, false);
    }

    /** Returns the rank of a severity (0 is most severe), or the number of severities when unknown. */
    public int severityRank(String id) {
        for (int i = 0; i < severities.size(); i++) {
            if (severities.get(i).id().equalsIgnoreCase(id)) {
                return i;
            }
        }
        return severities.size();
    }

    /** Returns the days this build takes for real dates: {@link DateRange#asOf(LocalDate)} of its today. */
    public DateRange dates() {
        return DateRange.asOf(today);
    }

    /** Returns the SLO in days for an action type, if one is set. */
    public Optional<Integer> slo(ActionType type) {
        return Optional.ofNullable(actionItemSlo.get(type));
    }

    /** Returns the display label of a vocabulary id, or the id itself. */
    public static String label(List<Term> vocabulary, String id) {
        return vocabulary.stream().filter(t -> t.id().equals(id)).map(Term::label).findFirst().orElse(id);
    }

    /** Returns a copy with another base URL. */
    public SiteConfig withBaseUrl(String url) {
        return new SiteConfig(title, description, url, language, zone, severities, causes, services, teams,
                actionItemSlo, essential, blameless, today, synonyms, keyAliases, reminders);
    }

    /** Returns a copy with the reminder feeds on or off. */
    public SiteConfig withReminders(boolean on) {
        return new SiteConfig(title, description, baseUrl, language, zone, severities, causes, services, teams,
                actionItemSlo, essential, blameless, today, synonyms, keyAliases, on);
    }
}
