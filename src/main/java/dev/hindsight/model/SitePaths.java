package dev.hindsight.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Resolves "/"-separated paths inside the content folder or the site, the same way for links, images and bundles. */
public final class SitePaths {
    private SitePaths() {
    }

    /**
     * Resolves "." and ".." in a "/"-separated path and drops empty segments; empty when it climbs above the root.
     *
     * @param path a relative path such as {@code 2023/../img/a.png}
     */
    public static Optional<String> normalize(String path) {
        Validate.notNull(path, "path");
        Deque<String> parts = new ArrayDeque<>();
        for (String s : path.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(s);
            }
        }
        return Optional.of(String.join("/", parts));
    }
}
