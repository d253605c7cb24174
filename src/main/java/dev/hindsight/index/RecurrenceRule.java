package dev.hindsight.index;

import dev.hindsight.analyze.Causality;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * When a later incident is the same thing coming back: the one rule the incident pages and the report use
 * (docs/report.md, "Recurrence"). A later incident recurs an earlier one when
 * <ul>
 *   <li>it says so ({@code recurrence_of}); or</li>
 *   <li>the two are mutually similar (each is among the other's {@value #MUTUAL_TOP} most similar incidents, so no
 *       absolute score threshold is involved), share a cause category that is not broad ({@link Causality#broad}),
 *       and the cause was in the same service ({@link Causality#causalService});</li>
 * </ul>
 * and it does not veto the match ({@code not_recurrence_of}). Both must be dated, the earlier one first.
 */
public final class RecurrenceRule {
    /** How many of an incident's most similar incidents count for mutual similarity. */
    static final int MUTUAL_TOP = 3;

    /**
     * One recurrence.
     *
     * @param later    the incident that came back
     * @param earlier  the incident it repeats
     * @param declared true when {@code recurrence_of} says so
     * @param causes   the (not broad) cause categories both have, sorted
     * @param service  the service the cause was in, when the match rests on it
     * @param why      the reason in words
     */
    public record Match(String later, String earlier, boolean declared, List<String> causes, Optional<String> service,
                        String why) {
        public Match {
            Validate.notBlank(later, "later");
            Validate.notBlank(earlier, "earlier");
            causes = List.copyOf(causes);
            Validate.notNull(service, "service");
        }
    }

    /** Returns every recurrence of a site, later incident oldest first, then earlier incident oldest first. */
    public List<Match> find(Site site, Map<String, List<Similar>> similar) {
        return find(site, similar, p -> Causality.causalService(p, site.config()));
    }

    /**
     * Returns every recurrence of a site as {@link #find(Site, Map)} does, with the service each incident's cause was
     * in given (as {@link dev.hindsight.analyze.Analysis#causalService} gives it, worked out once a build).
     */
    public List<Match> find(Site site, Map<String, List<Similar>> similar,
                            Function<Postmortem, Optional<String>> causalService) {
        Validate.notNull(site, "site");
        Validate.notNull(causalService, "causalService");
        Validate.notNull(similar, "similar");
        List<Postmortem> dated = site.postmortems().stream().filter(p -> p.date().isPresent())
                .sorted(Postmortem.OLDEST_FIRST).toList();
        Set<String> broad = Causality.broad(dated);
        Map<String, Postmortem> bySlug = new HashMap<>();
        dated.forEach(p -> bySlug.putIfAbsent(p.slug(), p));
        List<Match> out = new ArrayList<>();
        for (Postmortem later : dated) {
            // The incidents it declares it repeats and its most similar ones, each once (their matches are sorted
            // below). At 10,000 incidents, a sorted set of slugs, and a map of every incident's most similar ones
            // made on every build, were most of the rule's time.
            Set<String> candidates = new LinkedHashSet<>(later.recurrenceOf());
            List<Similar> mine = similar.getOrDefault(later.slug(), List.of());
            for (int i = 0; i < Math.min(MUTUAL_TOP, mine.size()); i++) {
                candidates.add(mine.get(i).slug());
            }
            List<Match> found = new ArrayList<>();
            for (String slug : candidates) {
                Postmortem earlier = bySlug.get(slug);
                if (earlier == null || !earlier.date().get().isBefore(later.date().get())
                        || later.notRecurrenceOf().contains(slug)) {
                    continue;
                }
                match(later, earlier, similar, broad, causalService).ifPresent(found::add);
            }
            found.sort((a, b) -> Postmortem.OLDEST_FIRST.compare(bySlug.get(a.earlier()), bySlug.get(b.earlier())));
            out.addAll(found);
        }
        return out;
    }

    private static Optional<Match> match(Postmortem later, Postmortem earlier, Map<String, List<Similar>> similar,
                                         Set<String> broad, Function<Postmortem, Optional<String>> causalService) {
        boolean declared = later.recurrenceOf().contains(earlier.slug());
        if (!declared && !amongTop(similar.getOrDefault(earlier.slug(), List.of()), later.slug())) {
            return Optional.empty();
        }
        TreeSet<String> causes = new TreeSet<>(later.categories());
        causes.retainAll(earlier.categories());
        causes.removeAll(broad);
        if (declared) {
            return Optional.of(new Match(later.slug(), earlier.slug(), true, List.copyOf(causes), Optional.empty(),
                    "declared: recurrence_of " + earlier.slug()));
        }
        if (causes.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> a = causalService.apply(later);
        if (a.isEmpty() || !a.equals(causalService.apply(earlier))) {
            return Optional.empty();
        }
        return Optional.of(new Match(later.slug(), earlier.slug(), false, List.copyOf(causes), a,
                "the same cause (" + String.join(", ", causes) + ") in the same service (" + a.get()
                        + "), and each is among the other's " + MUTUAL_TOP + " most similar incidents"));
    }

    /** Returns true when an incident is among the first {@value #MUTUAL_TOP} of a similar list. */
    private static boolean amongTop(List<Similar> list, String slug) {
        for (int i = 0; i < Math.min(MUTUAL_TOP, list.size()); i++) {
            if (list.get(i).slug().equals(slug)) {
                return true;
            }
        }
        return false;
    }
}
