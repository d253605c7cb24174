package dev.hindsight;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Fixture folders for whole-site tests, and copying them into a test's own folder. */
public final class TestFolders {
    private TestFolders() {
    }

    /** Returns the basic fixture site's content folder (src/test/resources/sites/basic). */
    public static Path basicSite() {
        return Path.of(System.getProperty("hindsight.project.dir", ".")).toAbsolutePath()
                .resolve("src/test/resources/sites/basic");
    }

    /** Copies a folder and everything under it to another path, which must not hold the same files yet. */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
