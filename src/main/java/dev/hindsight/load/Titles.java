package dev.hindsight.load;

import dev.hindsight.model.SectionKind;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a real title from one that says nothing: a template placeholder left in ("ISSUE NAME", "[Title]",
 * "{{ title }}"), a generic label ("Incident disclosure 2022-03-01", "Postmortem", "Incident report"), or a bare
 * date. Such a title gives way to the first informative heading or sentence. A date at the start of a real title
 * ("2023-05-23: API outage") is dropped from it, since pages show the date beside the title.
 */
final class Titles {
    /** The longest title made from a sentence, in characters, before it is cut at a word. */
    static final int SENTENCE_TITLE_CHARS = 90;
    /** The fewest words a heading or a sentence needs to stand in for a title ("Background" does not). */
    static final int HEADING_TITLE_WORDS = 3;
    /** Words that say only that this is an incident write-up, or that a template was not filled in. */
    private static final Set<String> GENERIC = Set.of("issue", "incident", "incidents", "name", "title", "postmortem",
            "postmortems", "post", "mortem", "report", "template", "untitled", "todo", "tbd", "disclosure", "rca",
            "retrospective", "retro", "review", "analysis", "root", "cause", "summary", "short", "description", "your",
            "here", "xxx", "the", "of", "for", "a", "an", "on", "at", "from", "in", "and", "insert", "placeholder",
            "document", "doc", "draft", "example", "sample", "new", "outage", "event", "update", "writeup", "write",
            "up", "notes", "pm", "sev", "no", "number", "id", "date");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\d]+");
    private static final Pattern CALENDAR = Pattern.compile("\\d+(?:st|nd|rd|th)?|" + DateFinder.MONTH
            + "|(?:mon|tues|wednes|thurs|fri|satur|sun)day", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_DATE = Pattern.compile("^\\W*(?:(?:19|20)\\d\\d[-/.]\\d{1,2}[-/.]\\d{1,2}"
            + "|(?:19|20)\\d{6}|\\d{1,2}[-/.]\\d{1,2}[-/.](?:(?:19|20)\\d\\d|\\d\\d)"
            + "|" + DateFinder.MONTH + "[\\s-]\\d{1,2}(?:st|nd|rd|th)?,?[\\s-](?:19|20)\\d\\d"
            + "|\\d{1,2}(?:st|nd|rd|th)?[\\s-]" + DateFinder.MONTH + ",?[\\s-](?:19|20)\\d\\d)\\W*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s|$)");

    private Titles() {
    }

    /** Returns true when a title says nothing about the incident: empty, a placeholder, generic words or a date. */
    static boolean isUninformative(String title) {
        String t = title.strip();
        if (t.isEmpty() || t.matches("(?s).*(\\{\\{|\\}\\}|\\$\\{).*")) {
            return true;
        }
        Matcher m = WORD.matcher(t.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            if (!GENERIC.contains(w) && !CALENDAR.matcher(w).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Returns a title without a leading date, when words remain after it. */
    static String withoutLeadingDate(String title) {
        Matcher m = LEADING_DATE.matcher(title);
        if (!m.find()) {
            return title;
        }
        String rest = title.substring(m.end()).strip();
        return WORD.matcher(rest).find() && !isUninformative(rest) ? capitalised(rest) : title;
    }

    /**
     * Returns a title for a write-up whose own says nothing: the first heading of a few words that is not one of
     * the usual section names, else the first sentence of the summary or the body.
     */
    static Optional<String> fallback(List<Outline.Span> spans, Optional<String> summary, String bodyText) {
        for (Outline.Span s : spans) {
            if (s.heading().isPresent() && s.kind() == SectionKind.OTHER && SectionNames.kind(s.title()).isEmpty()
                    && s.title().strip().split("\\s+").length >= HEADING_TITLE_WORDS && !isUninformative(s.title())
                    && s.title().length() <= SENTENCE_TITLE_CHARS) {
                return Optional.of(s.title());
            }
        }
        String text = summary.orElse(bodyText).strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Matcher end = SENTENCE_END.matcher(text);
        String sentence = end.find() ? text.substring(0, end.start()) : text;
        sentence = sentence.replaceAll("\\s+", " ").strip();
        if (sentence.length() > SENTENCE_TITLE_CHARS) {
            int cut = sentence.lastIndexOf(' ', SENTENCE_TITLE_CHARS);
            sentence = sentence.substring(0, cut > 20 ? cut : SENTENCE_TITLE_CHARS) + "…";
        }
        // A sentence of a word or two ("Body.") says less than the title it would replace.
        boolean tooShort = sentence.split("\\s+").length < HEADING_TITLE_WORDS;
        return sentence.isEmpty() || tooShort || isUninformative(sentence) ? Optional.empty()
                : Optional.of(capitalised(sentence));
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
