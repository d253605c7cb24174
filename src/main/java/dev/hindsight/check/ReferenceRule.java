package dev.hindsight.check;

import dev.hindsight.model.ContentLinks;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the links between incidents: {@code related} and {@code recurrence_of} must name incidents that exist,
 * not the incident itself, and a recurrence must come after what it recurs; and no two incidents share a slug.
 */
final class ReferenceRule {
    private ReferenceRule() {
    }

    /** Returns one error per incident whose slug another incident has too. */
    static List<Problem> duplicates(List<Postmortem> incidents, java.util.function.Function<Postmortem, Document> document) {
        Map<String, List<Postmortem>> bySlug = new LinkedHashMap<>();
        for (Postmortem p : incidents) {
            bySlug.computeIfAbsent(p.slug(), k -> new ArrayList<>()).add(p);
        }
        List<Problem> out = new ArrayList<>();
        for (List<Postmortem> group : bySlug.values()) {
            if (group.size() < 2) {
                continue;
            }
            for (Postmortem p : group) {
                Document d = document.apply(p);
                List<String> others = group.stream().filter(o -> o != p).map(Postmortem::source).sorted().toList();
                Position pos = d.source().key("slug").or(d.source().key("title"));
                out.add(d.problem(CheckRule.DUPLICATE_SLUG, pos, "slug `" + p.slug()
                        + "` is also used by " + String.join(", ", others) + "; rename the file or set `slug:`"));
            }
        }
        return out;
    }

    /** Returns the problems with one document's references. */
    static List<Problem> check(Document doc, KnownContent known) {
        List<Problem> out = new ArrayList<>();
        Postmortem p = doc.postmortem();
        refs(doc, known, "related", p.related(), out);
        refs(doc, known, "recurrence_of", p.recurrenceOf(), out);
        for (String ref : p.recurrenceOf()) {
            Optional<Postmortem> earlier = known.incident(slugOf(ref));
            Optional<LocalDate> then = earlier.flatMap(Postmortem::date);
            if (then.isPresent() && p.date().isPresent() && then.get().isAfter(p.date().get())) {
                out.add(doc.problem(CheckRule.RECURRENCE_ORDER, doc.source().value("recurrence_of", ref),
                        "recurrence_of `" + ref + "` started on " + then.get() + ", after this incident ("
                                + p.date().get() + "); did you mean `related`, or should that incident list this one?"));
            }
        }
        return out;
    }

    private static void refs(Document doc, KnownContent known, String key, List<String> refs, List<Problem> out) {
        for (String ref : refs) {
            String slug = slugOf(ref);
            Position pos = doc.source().value(key, ref);
            if (slug.equals(doc.postmortem().slug())) {
                out.add(doc.problem(CheckRule.SELF_REFERENCE, pos, key + " lists this incident itself"));
            } else if (!known.hasIncident(slug)) {
                out.add(doc.problem(CheckRule.UNKNOWN_INCIDENT, pos, key + " names `" + ref
                        + "`, but no incident has that slug" + nearest(slug, known)));
            }
        }
    }

    private static String nearest(String slug, KnownContent known) {
        int limit = Math.max(2, slug.length() / 8);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String s : known.slugs()) {
            int d = Suggestions.distance(slug, s);
            if (d <= limit && (d < bestDistance || d == bestDistance && s.compareTo(best) < 0)) {
                best = s;
                bestDistance = d;
            }
        }
        return best == null ? "" : "; did you mean `" + best + "`?";
    }

    /** Returns the slug a reference names: "x", "x.md", "/incidents/x/" and "../2023/x.md" all name "x". */
    static String slugOf(String ref) {
        String r = ref.strip();
        while (r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        return ContentLinks.stem(r);
    }
}
