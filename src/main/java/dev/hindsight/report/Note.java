package dev.hindsight.report;

import dev.hindsight.model.Validate;

import java.util.List;

/**
 * A paragraph of explanation under a section, with the sources it names.
 *
 * @param text    plain text
 * @param sources links to the works the text cites, in order
 */
public record Note(String text, List<Link> sources) {
    public Note {
        Validate.notBlank(text, "text");
        sources = List.copyOf(sources);
    }

    /** Returns a note without sources. */
    public static Note of(String text) {
        return new Note(text, List.of());
    }
}
