package dev.hindsight.render;

import dev.hindsight.analyze.Analysis;
import dev.hindsight.analyze.Durations;
import dev.hindsight.analyze.LedgerEntry;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Status;
import dev.hindsight.model.Term;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the template views of incidents and their terms.
 */
final class CardFactory {
    private static final Pattern SEV_NUMBER = Pattern.compile("(?i)^(?:sev|p|s|severity)?[\\s-]*([0-9])$");

    private final SiteConfig config;
    private final Analysis analysis;
    private final TermSlugs slugs;
    /** Overdue action items per incident slug, from the ledger; incidents with none are absent. */
    private final Map<String, Integer> overdue;

    CardFactory(SiteConfig config, Analysis analysis, TermSlugs slugs) {
        this.config = config;
        this.analysis = analysis;
        this.slugs = slugs;
        Map<String, Integer> counts = new HashMap<>();
        analysis.ledger().stream().filter(LedgerEntry::overdue).forEach(e -> counts.merge(e.slug(), 1, Integer::sum));
        this.overdue = counts;
    }

    /** Makes the card of one incident. */
    IncidentCard card(Postmortem p) {
        String sev = p.severity().orElse("");
        int rank = sev.isEmpty() ? 99 : severityRank(sev);
        Optional<Duration> ttr = Optional.ofNullable(analysis.durations().get(p.slug())).flatMap(Durations::toResolve);
        boolean essential = p.essential() || config.essential().contains(p.slug());
        return new IncidentCard(p.slug(), p.title(), "incidents/" + p.slug() + "/", p.date().map(LocalDate::toString).orElse(""),
                p.yearTerm(), sev, sev.isEmpty() ? "No severity" : SiteConfig.label(config.severities(), sev), rank,
                severityClass(sev, rank), p.status().id(), statusLabel(p.status()), p.nearMiss(), essential,
                p.summary().orElse(""), terms("services", p.services(), config.services()),
                terms("causes", p.causes(), config.causes()), terms("teams", p.teams(), config.teams()),
                terms("tags", p.tags(), List.of()), ttr.map(Durations::format).orElse(""),
                ttr.map(Duration::toMinutes).orElse(-1L), overdue.getOrDefault(p.slug(), 0));
    }

    /** Makes term links for a list of ids in one taxonomy. */
    List<TermLink> terms(String taxonomy, List<String> ids, List<Term> vocabulary) {
        List<TermLink> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            out.add(term(taxonomy, id, SiteConfig.label(vocabulary, id)));
        }
        return out;
    }

    /** Makes one term link. */
    TermLink term(String taxonomy, String id, String label) {
        return new TermLink(taxonomy, id, label, slugs.path(taxonomy, id));
    }

    /** Returns a severity's rank: its place in site.yml, else the digit in ids like "SEV2" or "P1" (counted from 1). */
    int severityRank(String id) {
        int rank = config.severityRank(id);
        if (rank < config.severities().size()) {
            return rank;
        }
        Matcher m = SEV_NUMBER.matcher(id.trim());
        if (m.matches()) {
            return Math.max(0, Integer.parseInt(m.group(1)) - (m.group(1).equals("0") ? 0 : 1));
        }
        return 98;
    }

    /** Returns the badge colour class: the four most severe ranks get colours of their own. */
    static String severityClass(String id, int rank) {
        if (id.isEmpty()) {
            return "sev-none";
        }
        return rank >= 98 ? "sev-other" : "sev-r" + Math.min(rank, 3);
    }

    /** Returns a status as people say it. */
    static String statusLabel(Status s) {
        return switch (s) {
            case DRAFT -> "Draft";
            case IN_REVIEW -> "In review";
            case PUBLISHED -> "Published";
        };
    }

    /** Returns the vocabulary of a taxonomy, for labels. */
    List<Term> vocabulary(String taxonomy) {
        return switch (taxonomy) {
            case "severities" -> config.severities();
            case "causes" -> config.causes();
            case "services" -> config.services();
            case "teams" -> config.teams();
            default -> List.of();
        };
    }

    /** Returns the descriptions of a vocabulary by id. */
    static Map<String, String> descriptions(List<Term> vocabulary) {
        Map<String, String> m = new java.util.HashMap<>();
        vocabulary.forEach(t -> m.put(t.id(), t.description()));
        return m;
    }
}
