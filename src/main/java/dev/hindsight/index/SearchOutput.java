package dev.hindsight.index;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.hindsight.model.JsonOut;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Validate;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Formats a {@link SearchResult} for the terminal: as text for people, or as JSON for scripts.
 */
public final class SearchOutput {
    /** Said when quoted phrases matched nothing and their words were searched instead (the page says the same). */
    static final String UNQUOTED = "no incident has the quoted words as written; searching them without the quotes";

    /** Decimals of the scores and weights in search JSON: the results here and the static export's manifest. */
    static final int DECIMALS = 6;

    private SearchOutput() {
    }

    /** Formats a result as numbered text blocks; path turns an incident into the file path to show. */
    public static String text(String query, SearchResult result, Function<Postmortem, String> path) {
        Validate.notNull(result, "result");
        StringBuilder sb = new StringBuilder();
        if (result.unquoted()) {
            sb.append(UNQUOTED).append('\n');
        }
        for (QueryPlan.Correction c : result.plan().corrections()) {
            sb.append("showing results for \"").append(c.to()).append("\" (no incident uses \"").append(c.from()).append("\")\n");
        }
        QueryPlan plan = result.plan();
        if (!plan.unmatched().isEmpty()) {
            sb.append("no incident uses ").append(quoted(plan.unmatched()))
                    .append(plan.impossible() ? ", so nothing matches" : "; searching the other words").append('\n');
        }
        if (plan.mode() == QueryMode.LONG) {
            sb.append(String.format(Locale.ROOT, "read as pasted text (more like this): %d word%s picked%s%n",
                    plan.clauses().size(), plan.clauses().size() == 1 ? "" : "s", plan.clauses().isEmpty() ? ""
                            : ": " + String.join(", ", plan.clauses().stream().map(QueryPlan.Clause::word).toList())));
            if (!result.mentions().isEmpty()) {
                sb.append("mentions: ").append(String.join(", ", result.mentions().stream()
                        .map(n -> singular(n.dimension()) + " " + n.label()).toList())).append('\n');
            }
            sb.append(String.format(Locale.ROOT, "%d incident%s share at least %d of them%s%n", result.total(),
                    result.total() == 1 ? "" : "s", plan.minMatch(), result.hits().size() < result.total()
                            ? ", best " + result.hits().size() + " shown" : ""));
        } else if (plan.matchesAll() && result.total() == 0 && !query.isBlank()) {
            sb.append("nothing to search for in \"").append(query).append("\": a query needs a letter or a digit\n");
        } else {
            long every = result.hits().stream().filter(h -> !h.partial()).count();
            sb.append(String.format(Locale.ROOT, "%d incident%s match%s every word of \"%s\"%s%n", result.total(),
                    result.total() == 1 ? "" : "s", result.total() == 1 ? "es" : "", query,
                    every < result.total() ? ", best " + every + " shown" : ""));
        }
        int n = 1;
        boolean divided = false;
        for (SearchHit h : result.hits()) {
            Postmortem p = h.postmortem();
            if (h.partial() && !divided && plan.mode() != QueryMode.LONG) {
                sb.append(String.format(Locale.ROOT, "%n--- partial matches: at least %d of the %d words ---%n",
                        plan.minMatch(), plan.words() + plan.unmatched().size()));
                divided = true;
            }
            sb.append(String.format(Locale.ROOT, "%n%2d. %s%n", n++, p.title()));
            StringBuilder meta = new StringBuilder(p.dateLabel());
            p.severity().ifPresent(s -> meta.append(" · ").append(s));
            if (!p.services().isEmpty()) {
                meta.append(" · ").append(String.join(", ", p.services()));
            }
            if (!p.causes().isEmpty()) {
                meta.append(" · cause ").append(String.join(", ", p.causes()));
            }
            sb.append("    ").append(meta).append('\n');
            sb.append("    ").append(path.apply(p)).append('\n');
            if (h.partial()) {
                sb.append("    ").append(matchLine(plan, h)).append(sameNames(result, p)).append('\n');
            }
            if (!h.snippet().text().isEmpty()) {
                sb.append("    ").append(h.snippet().marked("[", "]")).append('\n');
            }
        }
        return sb.toString();
    }

    /** Returns "matches 6 of 9 words · missing: delayed", or for pasted text "shares: a, b, c". */
    public static String matchLine(QueryPlan plan, SearchHit h) {
        if (plan.mode() == QueryMode.LONG) {
            return "shares: " + String.join(", ", h.matched());
        }
        int matched = words(h.matched());
        return "matches " + matched + " of " + (matched + words(h.missing())) + " words"
                + (h.missing().isEmpty() ? "" : " \u00b7 missing: " + String.join(", ", h.missing()));
    }

    /** Returns how many query words some matched or missing items are: a synonym phrase counts its words. */
    private static int words(List<String> items) {
        return items.stream().mapToInt(QueryPlan::wordCount).sum();
    }

    /** Returns " · same service: checkout-api" for the mentioned names an incident has too, or "". */
    private static String sameNames(SearchResult result, Postmortem p) {
        StringBuilder sb = new StringBuilder();
        for (Mentions.Name n : result.mentions()) {
            if (IndexFields.facet(p, n.dimension()).contains(n.id())) {
                sb.append(" \u00b7 same ").append(singular(n.dimension())).append(": ").append(n.label());
            }
        }
        return sb.toString();
    }

    private static String singular(String dimension) {
        return dimension.substring(0, dimension.length() - 1);
    }

    private static String quoted(java.util.List<String> words) {
        return String.join(", ", words.stream().map(w -> "\"" + w + "\"").toList());
    }

    /** Formats a result as one JSON object. */
    public static String json(String query, SearchResult result, Function<Postmortem, String> path) {
        return JsonOut.string(JsonOut.Layout.COMPACT, j -> {
            j.writeStartObject();
            j.writeStringField("query", query);
            j.writeStringField("mode", result.plan().mode().id());
            j.writeNumberField("total", result.total());
            j.writeNumberField("minMatch", result.plan().minMatch());
            j.writeBooleanField("unquoted", result.unquoted());
            j.writeArrayFieldStart("corrections");
            for (var c : result.plan().corrections()) {
                j.writeStartObject();
                j.writeStringField("from", c.from());
                j.writeStringField("to", c.to());
                j.writeEndObject();
            }
            j.writeEndArray();
            JsonOut.strings(j, "unmatched", result.plan().unmatched());
            j.writeArrayFieldStart("mentions");
            for (var n : result.mentions()) {
                j.writeStartObject();
                j.writeStringField("dimension", n.dimension());
                j.writeStringField("id", n.id());
                j.writeStringField("label", n.label());
                j.writeEndObject();
            }
            j.writeEndArray();
            j.writeArrayFieldStart("hits");
            for (SearchHit h : result.hits()) {
                hit(j, h, path);
            }
            j.writeEndArray();
            j.writeEndObject();
        });
    }

    private static void hit(JsonGenerator j, SearchHit h, Function<Postmortem, String> path) throws IOException {
        Postmortem p = h.postmortem();
        j.writeStartObject();
        j.writeStringField("slug", p.slug());
        j.writeStringField("title", p.title());
        j.writeStringField("date", p.isoDate());
        j.writeStringField("severity", p.severity().orElse(""));
        JsonOut.strings(j, "services", p.services());
        JsonOut.strings(j, "causes", p.causes());
        j.writeStringField("path", path.apply(p));
        j.writeStringField("url", p.url());
        j.writeFieldName("score");
        JsonOut.decimal(j, h.score(), DECIMALS);
        j.writeStringField("snippet", h.snippet().text());
        j.writeNumberField("partial", h.partial() ? 1 : 0);
        JsonOut.strings(j, "matched", h.matched());
        JsonOut.strings(j, "missing", h.missing());
        j.writeEndObject();
    }
}
