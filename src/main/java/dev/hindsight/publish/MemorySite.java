package dev.hindsight.publish;

import dev.hindsight.model.Validate;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A build's files in memory, handed whole to a listener when the build is committed: the preview's
 * {@link Target}. It refuses what a staging folder refuses: paths that leave the site and paths written twice.
 */
final class MemorySite implements Target {
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Consumer<SiteFiles> published;
    private volatile boolean done;

    /** Creates an empty site that a commit hands to a listener. */
    MemorySite(Consumer<SiteFiles> published) {
        this.published = Validate.notNull(published, "published");
    }

    @Override
    public void write(String path, byte[] bytes) throws IOException {
        String clean = clean(path);
        if (done) {
            throw new IOException("the site is closed (the build was committed or stopped): " + path);
        }
        if (files.putIfAbsent(clean, bytes) != null) {
            throw new IOException("two outputs want the same path: " + path);
        }
    }

    /** Returns a site-relative path, refusing one that is not in its plain form ("a/b.html"), as it could escape the site. */
    private static String clean(String path) {
        Validate.notBlank(path, "path");
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("\\")) {
                throw new IllegalArgumentException("output path escapes the site: " + path);
            }
        }
        return path;
    }

    @Override
    public int count() {
        return files.size();
    }

    @Override
    public void commit() {
        Validate.isTrue(!done, "the site was already committed or closed");
        done = true;
        published.accept(SiteFiles.of(files));
    }

    @Override
    public void close() {
        done = true;
    }
}
