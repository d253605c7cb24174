package dev.hindsight.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Opens a build's {@link Target}: a staging folder beside the destination for the command line, or memory for the
 * preview, which serves each published site from memory.
 */
@FunctionalInterface
public interface Publisher {

    /** Opens an empty target for a build whose destination is the given folder. */
    Target open(Path destination) throws IOException;

    /** Returns the publisher of the command line: a staging folder swapped in for the destination. */
    static Publisher folder() {
        return Staging::new;
    }

    /** Returns a publisher that keeps the site in memory and hands each committed site to a listener. */
    static Publisher memory(Consumer<SiteFiles> published) {
        return destination -> new MemorySite(published);
    }
}
