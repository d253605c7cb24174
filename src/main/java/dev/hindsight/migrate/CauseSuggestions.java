package dev.hindsight.migrate;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Section;
import dev.hindsight.model.SectionKind;
import dev.hindsight.model.Term;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Causes a postmortem seems to name, for a person to decide: a cause category of the target site whose label (or
 * id, hyphens read as spaces) appears in a sentence of the root-cause section, else of the body. They are written
 * only as comments, each with the sentence that suggested it, never as a value: a word match is a hint, not a
 * finding.
 */
final class CauseSuggestions {
    /** The longest sentence quoted in a suggestion. */
    static final int QUOTE_CHARS = 120;
    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s+|\\n+");

    private CauseSuggestions() {
    }

    /** Returns one comment line per suggested cause, in vocabulary order. */
    static List<String> of(Postmortem p, List<Term> causes) {
        if (!p.causes().isEmpty() || causes.isEmpty()) {
            return List.of();
        }
        String text = p.section(SectionKind.ROOT_CAUSE).map(Section::text).filter(t -> !t.isBlank()).orElse(p.bodyText());
        String[] sentences = SENTENCE.split(text);
        List<String> out = new ArrayList<>();
        for (Term t : causes) {
            Pattern word = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])(" + Pattern.quote(t.label()) + "|"
                    + Pattern.quote(t.id().replace('-', ' ')) + ")(?![\\p{L}\\p{N}])");
            for (String s : sentences) {
                if (word.matcher(s).find()) {
                    String quote = s.strip().replaceAll("\\s+", " ");
                    if (quote.length() > QUOTE_CHARS) {
                        quote = quote.substring(0, QUOTE_CHARS - 1) + "\u2026";
                    }
                    out.add("# suggested cause: " + t.id() + " (\"" + quote + "\")");
                    break;
                }
            }
        }
        return out;
    }
}
