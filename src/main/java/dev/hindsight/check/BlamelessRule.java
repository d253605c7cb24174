package dev.hindsight.check;

import dev.hindsight.model.LintRule;
import dev.hindsight.model.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The blameless-language lint of site.yml: each rule is a case-insensitive regular expression with a suggestion.
 * It reads the body outside code, the title and the summary; one warning per match.
 */
final class BlamelessRule {
    /** A compiled rule, with a lower-case text that every match must contain (empty when none is known). */
    private record Compiled(Pattern pattern, LintRule rule, String literal) {
    }

    private final List<Compiled> rules = new ArrayList<>();
    private final List<Problem> setup = new ArrayList<>();

    /** Compiles the rules once per check; a pattern that does not compile is left out with a warning. */
    BlamelessRule(List<LintRule> lintRules) {
        for (LintRule r : lintRules) {
            try {
                rules.add(new Compiled(Pattern.compile(r.pattern(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), r,
                        requiredText(r.pattern())));
            } catch (PatternSyntaxException e) {
                setup.add(CheckRule.BLAMELESS_LANGUAGE.at("site.yml", Position.FILE, "blameless pattern `"
                        + r.pattern() + "` is not a regular expression and is skipped: " + e.getDescription()));
            }
        }
    }

    /**
     * Returns a lower-case text every match of a pattern contains, so most documents skip the (slow, case-insensitive)
     * regular expression: the pattern's leading run of plain ASCII letters and spaces after an optional {@code \\b},
     * without its last letter when a quantifier follows. Empty when the pattern has a top-level '|' or starts otherwise.
     */
    static String requiredText(String pattern) {
        String p = pattern.startsWith("\\b") ? pattern.substring(2) : pattern;
        int depth = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return "";
            }
        }
        int end = 0;
        while (end < p.length() && (p.charAt(end) < 128 && Character.isLetter(p.charAt(end)) || p.charAt(end) == ' ')) {
            end++;
        }
        if (end < p.length() && "?*{".indexOf(p.charAt(end)) >= 0) {
            end--;
        }
        String literal = end <= 0 ? "" : p.substring(0, end);
        return literal.isBlank() ? "" : literal.toLowerCase(Locale.ROOT);
    }

    /** Returns the problems with the rules themselves. */
    List<Problem> setupProblems() {
        return List.copyOf(setup);
    }

    /** Returns one warning per phrase a rule matches. */
    List<Problem> check(Document doc, Prose prose) {
        List<Problem> out = new ArrayList<>();
        String text = prose.text();
        String lower = text.toLowerCase(Locale.ROOT);
        for (Compiled c : rules) {
            if (!c.literal().isEmpty() && !lower.contains(c.literal())) {
                continue;
            }
            Matcher m = c.pattern().matcher(text);
            while (m.find()) {
                if (m.end() == m.start()) {
                    continue;
                }
                String phrase = text.substring(m.start(), m.end()).strip();
                String advice = c.rule().suggestion().isBlank() ? "" : ": " + c.rule().suggestion();
                out.add(doc.problem(CheckRule.BLAMELESS_LANGUAGE, prose.at(m.start()),
                        "\"" + phrase + "\" can read as blame" + advice));
            }
        }
        return out;
    }
}
