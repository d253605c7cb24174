package dev.hindsight.report;

import dev.hindsight.model.Validate;

/**
 * A headline number of a section, such as "Incidents: 12 (2024: 9)".
 *
 * @param key    a stable camelCase name for JSON
 * @param label  what it counts
 * @param value  the number as shown
 * @param detail a short comparison or explanation, or ""
 */
public record Figure(String key, String label, String value, String detail) {
    public Figure {
        Validate.notBlank(key, "key");
        Validate.notBlank(label, "label");
        Validate.notNull(value, "value");
        Validate.notNull(detail, "detail");
    }
}
