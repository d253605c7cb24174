package dev.hindsight.render;

import dev.hindsight.model.Result;
import dev.hindsight.model.Validate;

import java.nio.file.Path;

/**
 * The parsed theme of a pipeline's builds, kept from one build to the next while the theme's files are the same.
 *
 * <p>A build that renders a few pages (a preview after one save, a warm build) spent more time parsing the templates
 * those pages need than rendering them. The key is the build stamp, which holds the digest of the generator (and so
 * of its built-in theme) and of the project's {@code themes/} and {@code assets/} folders: any template edit gives
 * another key, and the theme is loaded again. The key alone decides, not the project's folder: a theme reads its
 * project's template files when it is made, so two folders with the same stamp have the same theme (a test that builds
 * copies of one project, a checkout moved elsewhere). Parsed templates are immutable and thread-safe.
 */
public final class Themes {
    private String lastKey;
    private Theme last;
    /** The assets read under the last key, when they read without a problem. */
    private Result<AssetSet> lastAssets;

    /** Returns the theme of a project for a build stamp: the last one when the stamp is the same, else a new one. */
    synchronized Theme of(Path projectDir, String key) {
        Validate.notNull(projectDir, "projectDir");
        Validate.notBlank(key, "key");
        if (last == null || !key.equals(lastKey)) {
            last = new Theme(projectDir);
            lastKey = key;
            lastAssets = null;
        }
        return last;
    }

    /**
     * Returns the built-in assets with the project's laid over them, fingerprinted, for a build stamp: the last ones
     * when the stamp is the same (it holds the digest of the generator and of assets/). Reading the built-in ones
     * walks every entry of the generator's jar, which took a fifth of the preview's first page after an edit.
     * Assets that did not read are read again by the next build.
     */
    synchronized Result<AssetSet> assets(Path projectDir, String key) {
        of(projectDir, key);
        if (lastAssets != null) {
            return lastAssets;
        }
        Result<AssetSet> read = AssetSet.load(projectDir);
        if (read.problems().isEmpty()) {
            lastAssets = read;
        }
        return read;
    }
}
