package dev.hindsight.analyze;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.SectionKind;
import dev.hindsight.model.SiteConfig;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a cause was and how telling a category is: the two facts recurrence rests on (docs/report.md). The causal
 * service is the one the cause was in, not every service that was affected; a broad category ("configuration
 * change") says how something broke, not what, so on its own it never makes a chain or a match.
 */
public final class Causality {
    /** A category on more than one in this many dated incidents is broad. */
    public static final int BROAD_DIVISOR = 3;
    /** The fewest incidents a broad category is on. */
    public static final int BROAD_MIN = 6;

    private Causality() {
    }

    /**
     * Returns the service an incident's cause was in: {@code causal_service} when written, else the one affected
     * service that its root-cause section names (by id or label); when it names none or several, unknown.
     */
    public static Optional<String> causalService(Postmortem p, SiteConfig config) {
        if (p.causalService().isPresent()) {
            return p.causalService();
        }
        Optional<String> text = p.section(SectionKind.ROOT_CAUSE).map(s -> s.text().toLowerCase(Locale.ROOT));
        if (text.isEmpty() || text.get().isBlank()) {
            return Optional.empty();
        }
        List<String> named = p.services().stream().filter(id -> names(text.get(), id)
                || names(text.get(), SiteConfig.label(config.services(), id))).toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    /** Returns the broad categories of a site: on more than a third of its dated incidents, and at least six. */
    public static Set<String> broad(List<Postmortem> incidents) {
        List<Postmortem> dated = incidents.stream().filter(p -> p.date().isPresent()).toList();
        Map<String, Integer> count = new HashMap<>();
        dated.forEach(p -> p.categories().forEach(c -> count.merge(c, 1, Integer::sum)));
        Set<String> out = new TreeSet<>();
        count.forEach((c, n) -> {
            if (n >= BROAD_MIN && (long) n * BROAD_DIVISOR > dated.size()) {
                out.add(c);
            }
        });
        return out;
    }

    private static boolean names(String text, String name) {
        String n = name.toLowerCase(Locale.ROOT).strip();
        return !n.isEmpty() && (standsAlone(text, n) || n.contains("-") && names(text, n.replace('-', ' ')));
    }

    /**
     * Returns true when a name occurs in a text with no letter or number right before or after it, exactly as the
     * pattern {@code (?<![\\p{L}\\p{N}])NAME(?![\\p{L}\\p{N}])} finds it (whose look-behind reads one UTF-16 unit).
     */
    static boolean standsAlone(String text, String name) {
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            int end = at + name.length();
            if ((at == 0 || !letterOrNumber(text.charAt(at - 1)))
                    && (end == text.length() || !letterOrNumber(text.codePointAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /** Returns true for a letter or number of any script (the regex classes {@code \\p{L}} and {@code \\p{N}}). */
    private static boolean letterOrNumber(int cp) {
        int type = Character.getType(cp);
        return Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
