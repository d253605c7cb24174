package dev.hindsight.analyze;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.SiteConfig;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The site-wide results of a process's last analysis that rest only on how each incident is filed: the recurrence
 * chains and the taxonomies. An edit to a postmortem's text leaves its filing as it was, so the preview's next build
 * takes them as they are instead of going over every incident again (at 10,000 incidents, about 40 ms of each
 * edit's wait). A build of the command line keeps nothing.
 *
 * <p>An incident's filing is what those results read of it: its slug, date, severity, causes and categories,
 * services, teams, tags, declared recurrences and the service its cause was in. The results are kept while the site's
 * settings are equal and the incidents are the same, in the same order, each the same instance as before or one
 * filed the same way.
 */
final class FilingMemo {
    /** The results of one analysis and what they rest on. */
    private record Kept(SiteConfig config, List<Postmortem> incidents, List<Optional<String>> causal,
                        List<Recurrence> recurrences, List<Taxonomy> taxonomies) {
    }

    /** The results an analysis hands out. */
    record Results(List<Recurrence> recurrences, List<Taxonomy> taxonomies) {
    }

    private final boolean enabled;
    private final AtomicReference<Kept> last = new AtomicReference<>();

    FilingMemo(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Returns the last analysis's results when the incidents are filed as they were then, else works them out (and
     * keeps them).
     *
     * @param incidents the site's incidents, in its order
     * @param causal    the service each one's cause was in, in the same order
     */
    Results of(SiteConfig config, List<Postmortem> incidents, List<Optional<String>> causal, Supplier<Results> work) {
        Kept before = last.get();
        if (enabled && before != null && sameFiling(before, config, incidents, causal)) {
            last.set(new Kept(config, incidents, causal, before.recurrences(), before.taxonomies()));
            return new Results(before.recurrences(), before.taxonomies());
        }
        Results made = work.get();
        if (enabled) {
            last.set(new Kept(config, List.copyOf(incidents), List.copyOf(causal), made.recurrences(), made.taxonomies()));
        }
        return made;
    }

    private static boolean sameFiling(Kept before, SiteConfig config, List<Postmortem> incidents,
                                      List<Optional<String>> causal) {
        if (!before.config().equals(config) || before.incidents().size() != incidents.size()) {
            return false;
        }
        for (int i = 0; i < incidents.size(); i++) {
            Postmortem was = before.incidents().get(i);
            Postmortem now = incidents.get(i);
            // The same instance (an unchanged file, read back from the load cache) is filed the same: no field is read.
            if (was != now && !(filedAlike(was, now) && before.causal().get(i).equals(causal.get(i)))) {
                return false;
            }
        }
        return true;
    }

    /** Returns true when two incidents are filed alike: every field the recurrences and the taxonomies read. */
    static boolean filedAlike(Postmortem a, Postmortem b) {
        return a.slug().equals(b.slug()) && a.date().equals(b.date()) && a.severity().equals(b.severity())
                && a.causes().equals(b.causes()) && a.categories().equals(b.categories())
                && a.services().equals(b.services()) && a.teams().equals(b.teams()) && a.tags().equals(b.tags())
                && a.recurrenceOf().equals(b.recurrenceOf()) && Objects.equals(a.yearTerm(), b.yearTerm());
    }
}
