package dev.hindsight.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Where stages write output files, by site-relative path with '/' separators.
 * The publish stage implements it with a staging folder that is swapped in only on success.
 *
 * <p>Stages write from several threads at once (pages render on all cores, and each writes its own file as it is
 * done, so the disk's time overlaps the rendering), so every implementation, and every wrapper of one, must be
 * safe to call concurrently. Each path is written once.
 */
public interface SiteWriter {

    /** Writes bytes to a site-relative path such as {@code incidents/x/index.html}. */
    void write(String path, byte[] bytes) throws IOException;

    /** Writes UTF-8 text to a site-relative path. */
    default void write(String path, String text) throws IOException {
        write(path, text.getBytes(StandardCharsets.UTF_8));
    }
}
