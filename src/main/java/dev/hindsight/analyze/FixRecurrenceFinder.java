package dev.hindsight.analyze;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Site;
import dev.hindsight.model.Validate;

import java.time.LocalDate;
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
 * Finds incidents that recurred after the fix (see {@link FixRecurrence}).
 *
 * <p>An earlier incident counts as fixed when it has at least one action item and every item is closed (done or
 * won't do) on a known day before the later incident's date; an item closed without a date cannot prove that,
 * so it is never assumed. For each cause-and-service pair of the later incident only the most recent fixed
 * earlier incident is reported: that is the fix that did not hold.
 */
public final class FixRecurrenceFinder {

    /** Returns the fix recurrences of a site by cause category, oldest later incident first. */
    public List<FixRecurrence> find(Site site) {
        return find(site, Postmortem::causes);
    }

    /** Returns the fix recurrences with the categories of each incident given by a function. */
    public List<FixRecurrence> find(Site site, Function<Postmortem, List<String>> categories) {
        Validate.notNull(site, "site");
        Validate.notNull(categories, "categories");
        List<Postmortem> oldestFirst = site.postmortems().stream().sorted(RecurrenceFinder.OLDEST_FIRST).toList();
        Map<List<String>, List<Postmortem>> buckets = new HashMap<>();
        List<FixRecurrence> out = new ArrayList<>();
        for (Postmortem later : oldestFirst) {
            Set<String> earlierFound = new TreeSet<>();
            List<Postmortem> earlierInOrder = new ArrayList<>();
            for (List<String> key : keys(later, categories)) {
                List<Postmortem> bucket = buckets.getOrDefault(key, List.of());
                for (int i = bucket.size() - 1; i >= 0; i--) {
                    Postmortem earlier = bucket.get(i);
                    if (earlier.date().isBefore(later.date()) && fixedBefore(earlier, later.date()).isPresent()) {
                        if (earlierFound.add(earlier.slug())) {
                            earlierInOrder.add(earlier);
                        }
                        break;
                    }
                }
            }
            earlierInOrder.sort(RecurrenceFinder.OLDEST_FIRST);
            for (Postmortem earlier : earlierInOrder) {
                out.add(new FixRecurrence(later.slug(), earlier.slug(), shared(categories.apply(later), categories.apply(earlier)),
                        shared(later.services(), earlier.services()), fixedBefore(earlier, later.date()).orElseThrow()));
            }
            for (List<String> key : keys(later, categories)) {
                buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(later);
            }
        }
        return out;
    }

    /** Returns the day the last action item was closed, when every item was closed on a known day before the given day. */
    public static Optional<LocalDate> fixedBefore(Postmortem p, LocalDate day) {
        if (p.actionItems().isEmpty()) {
            return Optional.empty();
        }
        LocalDate last = LocalDate.MIN;
        for (ActionItem a : p.actionItems()) {
            if (!a.status().isClosed() || a.closed().isEmpty() || !a.closed().get().isBefore(day)) {
                return Optional.empty();
            }
            last = a.closed().get().isAfter(last) ? a.closed().get() : last;
        }
        return Optional.of(last);
    }

    private static List<List<String>> keys(Postmortem p, Function<Postmortem, List<String>> categories) {
        List<List<String>> keys = new ArrayList<>();
        for (String c : new LinkedHashSet<>(categories.apply(p))) {
            for (String s : new LinkedHashSet<>(p.services())) {
                keys.add(List.of(c, s));
            }
        }
        return keys;
    }

    private static List<String> shared(List<String> a, List<String> b) {
        Set<String> s = new TreeSet<>(a);
        s.retainAll(new TreeSet<>(b));
        return List.copyOf(s);
    }
}
