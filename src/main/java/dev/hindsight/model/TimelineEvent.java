package dev.hindsight.model;

import java.time.Instant;
import java.util.Optional;

/**
 * One timestamped event of an incident timeline.
 *
 * @param label the time as the author wrote it ("09:02", "2024-03-11 09:02 UTC")
 * @param at    the instant, when the label and the incident date pin it down unambiguously
 * @param text  the event, as plain text
 * @param html  the event, as sanitized inline HTML
 * @param line  the source line
 */
public record TimelineEvent(String label, Optional<Instant> at, String text, String html, int line) {
    public TimelineEvent {
        Validate.notNull(label, "label");
        Validate.notNull(at, "at");
        Validate.notNull(text, "text");
        Validate.notNull(html, "html");
    }
}
