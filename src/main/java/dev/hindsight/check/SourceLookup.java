package dev.hindsight.check;

import dev.hindsight.config.SourceText;
import dev.hindsight.model.Validate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Gives the raw text of a content file by its path relative to the content folder, so that problems get a
 * line and column. A file that cannot be read gives empty: the loader has reported it already.
 */
@FunctionalInterface
public interface SourceLookup {

    /** Returns the text of a content file (LF line ends), or empty when it is unknown. */
    Optional<String> text(String source);

    /** Returns a lookup that knows no text: problems then carry the lines the loader recorded. */
    static SourceLookup none() {
        return source -> Optional.empty();
    }

    /** Returns a lookup over texts held in memory, for tests and editors. */
    static SourceLookup of(Map<String, String> texts) {
        Map<String, String> copy = Map.copyOf(texts);
        return source -> Optional.ofNullable(copy.get(source));
    }

    /** Returns a lookup that reads files under a content folder, the way the loader reads them. */
    static SourceLookup folder(Path contentDir) {
        Validate.notNull(contentDir, "contentDir");
        Path root = contentDir.toAbsolutePath().normalize();
        return source -> {
            Path file = root.resolve(source).normalize();
            if (source.isEmpty() || !file.startsWith(root) || !Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return SourceText.read(file, source).value();
        };
    }
}
