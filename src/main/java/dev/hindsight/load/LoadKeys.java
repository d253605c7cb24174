package dev.hindsight.load;

import dev.hindsight.config.SiteConfigLoader;
import dev.hindsight.model.CacheFolder;
import dev.hindsight.model.DateRange;
import dev.hindsight.model.KeyHash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a file's entry in the load cache is keyed by besides the file's own bytes and path: its bundle's file names,
 * site.yml and the content folder's name, the drafts switch, and the dates the build reads by (the cache's stamp
 * holds the rest: the generator, today, the base URL).
 *
 * @param bundles   each bundle folder's resource names
 * @param configKey the digest of site.yml, and the content folder's name
 * @param drafts    true when drafts are built
 * @param range     the dates the build reads by
 */
record LoadKeys(Map<String, List<String>> bundles, String configKey, boolean drafts, DateRange range) {

    /** Returns the keys of a build of a content folder. */
    static LoadKeys of(Path contentDir, Map<String, List<String>> bundles, boolean drafts, DateRange range) {
        return new LoadKeys(bundles, configKey(contentDir), drafts, range);
    }

    /**
     * Returns a file's two keys for a digest of its bytes: the entry for builds with and without drafts first, then the
     * one for this drafts switch only (a draft's, or a page's, whose draft status is not kept).
     */
    List<String> of(CacheFolder cache, ContentWalker.Entry e, String digest) {
        String resources = String.join("\n", e.bundle().map(b -> bundles.getOrDefault(b, List.of())).orElse(List.of()));
        String any = cache.key("load", e.path(), e.role().name(), Boolean.toString(e.sniff()), e.bundle().orElse(""),
                resources, configKey, digest, "drafts=any");
        String own = cache.key("load", e.path(), e.role().name(), Boolean.toString(e.sniff()), e.bundle().orElse(""),
                resources, configKey, digest, "drafts=" + drafts);
        return List.of(any, own);
    }

    /** Returns the digest of what every file's loading reads besides the file: site.yml and the folder's name. */
    private static String configKey(Path contentDir) {
        Path yml = contentDir.resolve(SiteConfigLoader.FILE);
        byte[] bytes;
        try {
            bytes = Files.isRegularFile(yml) ? Files.readAllBytes(yml) : new byte[0];
        } catch (IOException e) {
            bytes = ("unreadable " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        }
        return KeyHash.hex(bytes) + "/" + contentDir.toAbsolutePath().normalize().getFileName();
    }
}
