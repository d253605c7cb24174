package dev.hindsight.model;

/**
 * A blameless-language rule from site.yml.
 *
 * @param pattern    a case-insensitive regular expression
 * @param suggestion what to write instead
 */
public record LintRule(String pattern, String suggestion) {
    public LintRule {
        Validate.notBlank(pattern, "pattern");
        Validate.notNull(suggestion, "suggestion");
    }
}
