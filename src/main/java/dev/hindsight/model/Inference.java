package dev.hindsight.model;

/**
 * A value the loader inferred rather than read from front matter.
 *
 * @param field  the front-matter key it stands in for ("title", "date", "times.detected", "tags")
 * @param value  the inferred value, as shown to readers
 * @param source where it came from ("first H1 heading", "file name", "timeline row 3")
 */
public record Inference(String field, String value, String source) {
    public Inference {
        Validate.notBlank(field, "field");
        Validate.notNull(value, "value");
        Validate.notBlank(source, "source");
    }
}
