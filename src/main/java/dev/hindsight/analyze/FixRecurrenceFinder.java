package dev.hindsight.analyze;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Site;
import dev.hindsight.model.Validate;

import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * <p>A later incident repeats an earlier one when its author declared it with {@code recurrence_of}, or when both
 * affected a common service and at least half of all the cause categories the two name are shared (so one broad
 * category such as "capacity" in common is not enough on its own). An earlier incident counts as fixed when it has at
 * least one action item and every item is closed (done or won't do) on a known day before the later incident started;
 * an item closed without a date cannot prove that, so it is never assumed. For each later incident the declared
 * earlier incidents that were fixed are reported, and else the most recent fixed earlier incident that repeats: that
 * is the fix that did not hold.
 */
public final class FixRecurrenceFinder {

    /**
     * The result of one search.
     *
     * @param fixes   the recurrences after a fix, oldest later incident first
     * @param repeats the slugs of every incident that repeats an earlier one, whether or not that one was fixed
     */
    public record Result(List<FixRecurrence> fixes, Set<String> repeats) {
        public Result {
            fixes = List.copyOf(fixes);
            repeats = Set.copyOf(repeats);
        }
    }

    /** Returns the fix recurrences of a site by cause category, oldest later incident first. */
    public List<FixRecurrence> find(Site site) {
        return search(site, Postmortem::causes).fixes();
    }

    /** Returns the fix recurrences with the categories of each incident given by a function. */
    public List<FixRecurrence> find(Site site, Function<Postmortem, List<String>> categories) {
        return search(site, categories).fixes();
    }

    /** Returns the fix recurrences and the repeated incidents, with the categories given by a function. */
    public Result search(Site site, Function<Postmortem, List<String>> categories) {
        Validate.notNull(site, "site");
        Validate.notNull(categories, "categories");
        // Recurrence is about order in time: an incident with no known date has no place in it.
        List<Postmortem> oldestFirst = site.postmortems().stream().filter(p -> p.date().isPresent())
                .sorted(Postmortem.OLDEST_FIRST).toList();
        List<Set<String>> causes = new ArrayList<>();
        List<Optional<LocalDate>> fixedOn = new ArrayList<>();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < oldestFirst.size(); i++) {
            Postmortem p = oldestFirst.get(i);
            causes.add(new TreeSet<>(categories.apply(p)));
            fixedOn.add(lastClosed(p));
            position.putIfAbsent(p.slug(), i);
        }
        Map<List<String>, List<Integer>> buckets = new HashMap<>();
        List<FixRecurrence> out = new ArrayList<>();
        Set<String> repeats = new TreeSet<>();
        for (int i = 0; i < oldestFirst.size(); i++) {
            Postmortem later = oldestFirst.get(i);
            LocalDate start = startDay(later);
            List<Integer> found = new ArrayList<>();
            boolean repeated = false;
            for (String slug : later.recurrenceOf()) {
                Integer e = position.get(slug);
                if (e != null && e < i) {
                    repeated = true;
                    if (fixedBefore(fixedOn.get(e), start) && !found.contains(e)) {
                        found.add(e);
                    }
                }
            }
            int best = -1;
            List<List<String>> keys = keys(later, causes.get(i));
            for (List<String> key : keys) {
                List<Integer> bucket = buckets.getOrDefault(key, List.of());
                for (int k = bucket.size() - 1; k >= 0 && bucket.get(k) > best; k--) {
                    int e = bucket.get(k);
                    if (oldestFirst.get(e).date().get().isBefore(later.date().get()) && sameCause(causes.get(i), causes.get(e))) {
                        repeated = true;
                        if (fixedBefore(fixedOn.get(e), start)) {
                            best = e;
                            break;
                        }
                    }
                }
            }
            if (found.isEmpty() && best >= 0) {
                found.add(best);
            }
            if (repeated) {
                repeats.add(later.slug());
            }
            found.sort(Integer::compare);
            for (int e : found) {
                Postmortem earlier = oldestFirst.get(e);
                out.add(new FixRecurrence(later.slug(), earlier.slug(), shared(causes.get(i), causes.get(e)),
                        shared(new TreeSet<>(later.services()), new TreeSet<>(earlier.services())), fixedOn.get(e).orElseThrow(),
                        later.recurrenceOf().contains(earlier.slug())));
            }
            for (List<String> key : keys) {
                buckets.computeIfAbsent(key, x -> new ArrayList<>()).add(i);
            }
        }
        return new Result(out, repeats);
    }

    /** Returns whether two incidents' cause categories match: at least half of all the categories they name are shared. */
    public static boolean sameCause(Set<String> a, Set<String> b) {
        int common = 0;
        for (String c : a) {
            if (b.contains(c)) {
                common++;
            }
        }
        int union = a.size() + b.size() - common;
        return common > 0 && 2 * common >= union;
    }

    /** Returns the day a dated incident started: the day of its start time when known, else its date. */
    public static LocalDate startDay(Postmortem p) {
        return p.times().started().map(t -> t.atZone(ZoneOffset.UTC).toLocalDate())
                .orElseGet(() -> p.date().orElseThrow(() -> new IllegalArgumentException("no date: " + p.slug())));
    }

    /** Returns the day the last action item was closed, when every item was closed on a known day before the given day. */
    public static Optional<LocalDate> fixedBefore(Postmortem p, LocalDate day) {
        Optional<LocalDate> last = lastClosed(p);
        return fixedBefore(last, day) ? last : Optional.empty();
    }

    private static boolean fixedBefore(Optional<LocalDate> lastClosed, LocalDate day) {
        return lastClosed.isPresent() && lastClosed.get().isBefore(day);
    }

    /**
     * The day the last item was closed, when the incident has items and every one was closed on a known day (an item
     * whose status was never recorded is not known to be closed).
     */
    private static Optional<LocalDate> lastClosed(Postmortem p) {
        if (p.actionItems().isEmpty()) {
            return Optional.empty();
        }
        LocalDate last = LocalDate.MIN;
        for (ActionItem a : p.actionItems()) {
            if (!a.status().isClosed() || a.closed().isEmpty()) {
                return Optional.empty();
            }
            last = a.closed().get().isAfter(last) ? a.closed().get() : last;
        }
        return Optional.of(last);
    }

    private static List<List<String>> keys(Postmortem p, Set<String> causes) {
        List<List<String>> keys = new ArrayList<>();
        for (String c : causes) {
            for (String s : new LinkedHashSet<>(p.services())) {
                keys.add(List.of(c, s));
            }
        }
        return keys;
    }

    private static List<String> shared(Set<String> a, Set<String> b) {
        Set<String> s = new TreeSet<>(a);
        s.retainAll(b);
        return List.copyOf(s);
    }
}
