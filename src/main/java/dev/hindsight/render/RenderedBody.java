package dev.hindsight.render;

import dev.hindsight.model.Heading;

import java.util.List;

/**
 * An incident or page body after post-processing.
 *
 * <p>An image it shows that the content folder does not have is marked {@code missing}; {@code check} reports it
 * ({@code missing-image}), and so does a build, which runs the checks.
 *
 * @param chunks the body in order, HTML and slots
 * @param toc    headings of level 2 and 3 as they stand in the final body, for the table of contents
 */
public record RenderedBody(List<BodyChunk> chunks, List<Heading> toc) {
    public RenderedBody {
        chunks = List.copyOf(chunks);
        toc = List.copyOf(toc);
    }

    /** Returns true when the body has a slot of a kind. */
    public boolean hasSlot(String kind) {
        return chunks.stream().anyMatch(c -> c.kind().equals(kind));
    }

    /** Returns the HTML of all chunks joined, slots left out (for plain pages and tests). */
    public String html() {
        StringBuilder sb = new StringBuilder();
        chunks.stream().filter(c -> c.kind().equals("html")).forEach(c -> sb.append(c.html()));
        return sb.toString();
    }
}
