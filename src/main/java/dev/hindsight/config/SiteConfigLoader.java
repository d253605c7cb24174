package dev.hindsight.config;

import dev.hindsight.model.Result;
import dev.hindsight.model.SiteConfig;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code site.yml} into a {@link SiteConfig}. (Stub: the loader issue fills it in.)
 */
public final class SiteConfigLoader {

    /** Loads site.yml from a content folder; a missing file gives defaults named after the folder. */
    public Result<SiteConfig> load(Path contentDir, LocalDate today) {
        String name = contentDir.toAbsolutePath().normalize().getFileName().toString();
        return Result.of(new SiteConfig(name, "", "/", "en", ZoneOffset.UTC, List.of(), List.of(), List.of(),
                List.of(), Map.of(), List.of(), List.of(), today));
    }
}
