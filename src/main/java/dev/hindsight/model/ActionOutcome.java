package dev.hindsight.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a done action item turned out to do, as its team judged it afterwards: it helped, it did not, or nobody
 * can tell yet; with an optional sentence saying why ("no pool exhaustion since").
 *
 * @param verdict the judgement
 * @param note    a sentence about it, or empty
 */
public record ActionOutcome(Verdict verdict, Optional<String> note) {
    /** The verdict, then an optional dash, colon, semicolon or comma and the note. */
    private static final Pattern TEXT = Pattern.compile(
            "(?i)^\\s*(helped|did[-_ ]?not[-_ ]help|didn'?t[-_ ]help|unknown)(?:\\s*[\u2014\u2013:;,-]+\\s*|\\s+|$)(.*)$",
            Pattern.DOTALL);

    public ActionOutcome {
        Validate.notNull(verdict, "verdict");
        Validate.notNull(note, "note");
        note = note.map(String::strip).filter(n -> !n.isEmpty());
    }

    /** Whether the item helped. */
    public enum Verdict {
        HELPED("helped", "Helped"), DID_NOT_HELP("did-not-help", "Did not help"), UNKNOWN("unknown", "Unknown");

        private final String id;
        private final String label;

        Verdict(String id, String label) {
            this.id = id;
            this.label = label;
        }

        /** Returns the id written in front matter. */
        public String id() {
            return id;
        }

        /** Returns the words pages show. */
        public String label() {
            return label;
        }

        /** Parses a verdict id in any case, with {@code _} or spaces for {@code -}; empty when it is none. */
        public static Optional<Verdict> parse(String value) {
            Matcher m = TEXT.matcher(value);
            return m.matches() && m.group(2).isBlank() ? Optional.of(of(m.group(1))) : Optional.empty();
        }

        private static Verdict of(String word) {
            String w = word.toLowerCase(Locale.ROOT);
            return w.startsWith("helped") ? HELPED : w.startsWith("unknown") ? UNKNOWN : DID_NOT_HELP;
        }
    }

    /**
     * Parses an outcome written as one line: the verdict, then optionally a dash, colon or comma and a note
     * ({@code helped — no pool exhaustion since}); empty when the text does not start with a verdict.
     */
    public static Optional<ActionOutcome> parse(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ActionOutcome(Verdict.of(m.group(1)), Optional.of(m.group(2))));
    }

    /** Returns the outcome for people: the verdict's label and the note ("Helped — no pool exhaustion since"). */
    public String label() {
        return verdict.label + note.map(n -> " \u2014 " + n).orElse("");
    }

    /** Returns the outcome as one line, as {@link #parse} reads it. */
    public String text() {
        return verdict.id + note.map(n -> " \u2014 " + n).orElse("");
    }
}
