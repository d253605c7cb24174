package dev.hindsight.report;

import dev.hindsight.model.Validate;

/**
 * One table column.
 *
 * @param key     the name used in JSON rows (camelCase)
 * @param label   the header people read, also the CSV header
 * @param numeric true to right-align it
 */
public record Column(String key, String label, boolean numeric) {
    public Column {
        Validate.notBlank(key, "key");
        Validate.notBlank(label, "label");
    }

    /** Returns a text column. */
    public static Column text(String key, String label) {
        return new Column(key, label, false);
    }

    /** Returns a numeric column. */
    public static Column number(String key, String label) {
        return new Column(key, label, true);
    }
}
