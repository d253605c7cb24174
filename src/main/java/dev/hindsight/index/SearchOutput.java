package dev.hindsight.index;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Validate;

import java.util.Locale;
import java.util.function.Function;

/**
 * Formats a {@link SearchResult} for the terminal: as text for people, or as JSON for scripts.
 */
public final class SearchOutput {
    private SearchOutput() {
    }

    /** Formats a result as numbered text blocks; path turns an incident into the file path to show. */
    public static String text(String query, SearchResult result, Function<Postmortem, String> path) {
        Validate.notNull(result, "result");
        StringBuilder sb = new StringBuilder();
        for (QueryPlan.Correction c : result.plan().corrections()) {
            sb.append("showing results for \"").append(c.to()).append("\" (no incident uses \"").append(c.from()).append("\")\n");
        }
        if (!result.plan().unmatched().isEmpty()) {
            sb.append("no incident uses ").append(String.join(", ", result.plan().unmatched().stream().map(w -> "\"" + w + "\"").toList()))
                    .append(", so nothing matches every word\n");
        }
        sb.append(String.format(Locale.ROOT, "%d incident%s match \"%s\"%s%n", result.total(), result.total() == 1 ? "" : "s",
                query, result.hits().size() < result.total() ? ", best " + result.hits().size() + " shown" : ""));
        int n = 1;
        for (SearchHit h : result.hits()) {
            Postmortem p = h.postmortem();
            sb.append(String.format(Locale.ROOT, "%n%2d. %s%n", n++, p.title()));
            StringBuilder meta = new StringBuilder(p.date().toString());
            p.severity().ifPresent(s -> meta.append(" · ").append(s));
            if (!p.services().isEmpty()) {
                meta.append(" · ").append(String.join(", ", p.services()));
            }
            if (!p.causes().isEmpty()) {
                meta.append(" · cause ").append(String.join(", ", p.causes()));
            }
            sb.append("    ").append(meta).append('\n');
            sb.append("    ").append(path.apply(p)).append('\n');
            if (!h.snippet().text().isEmpty()) {
                sb.append("    ").append(h.snippet().marked("[", "]")).append('\n');
            }
        }
        return sb.toString();
    }

    /** Formats a result as one JSON object. */
    public static String json(String query, SearchResult result, Function<Postmortem, String> path) {
        JsonText j = new JsonText().obj().put("query", query).put("total", result.total());
        j.key("corrections").arr();
        result.plan().corrections().forEach(c -> j.obj().put("from", c.from()).put("to", c.to()).endObj());
        j.endArr().put("unmatched", result.plan().unmatched()).key("hits").arr();
        for (SearchHit h : result.hits()) {
            Postmortem p = h.postmortem();
            j.obj().put("slug", p.slug()).put("title", p.title()).put("date", p.date().toString())
                    .put("severity", p.severity().orElse("")).put("services", p.services()).put("causes", p.causes())
                    .put("path", path.apply(p)).put("url", p.url()).key("score").value(h.score())
                    .put("snippet", h.snippet().text()).endObj();
        }
        return j.endArr().endObj().toString();
    }
}
