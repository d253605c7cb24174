package dev.hindsight.render;

import dev.hindsight.model.Validate;

/**
 * Turns site paths into links that work from any page, both from {@code file://} and on a web host.
 *
 * <p>Why relative links ending in {@code index.html}: a reader may open {@code public/index.html} straight from
 * disk, where a link to {@code incidents/} shows a folder listing instead of the page, and a site may be served
 * under a sub-path of its base URL. A link such as {@code ../../incidents/x/index.html}, computed from the
 * linking page's own depth, works in both cases and needs no knowledge of the host. The absolute
 * {@code base_url} is used only where a URL must stand on its own: feeds, the sitemap, canonical links, and the
 * 404 page (which a host serves at any depth, so it uses the base URL's path as its root).
 */
public final class RelativeLinks {
    private RelativeLinks() {
    }

    /** Returns the prefix that leads from an output file back to the site root: "" for "index.html", "../../" for "a/b/index.html". */
    public static String root(String outPath) {
        Validate.notBlank(outPath, "outPath");
        int depth = 0;
        for (int i = 0; i < outPath.length(); i++) {
            if (outPath.charAt(i) == '/') {
                depth++;
            }
        }
        return "../".repeat(depth);
    }

    /** Returns the site path of the page an output file is, such as "incidents/x/" for "incidents/x/index.html". */
    public static String pagePath(String outPath) {
        Validate.notBlank(outPath, "outPath");
        if (outPath.equals("index.html")) {
            return "";
        }
        if (outPath.endsWith("/index.html")) {
            return outPath.substring(0, outPath.length() - "index.html".length());
        }
        return outPath;
    }

    /**
     * Returns a link from a page with the given root prefix to a site path; folder paths ("incidents/", "")
     * get "index.html" appended, and a "#fragment" or "?query" is kept.
     */
    public static String href(String root, String sitePath) {
        Validate.notNull(root, "root");
        Validate.notNull(sitePath, "sitePath");
        String path = sitePath.startsWith("/") ? sitePath.substring(1) : sitePath;
        int cut = firstOf(path, '#', '?');
        String tail = cut < 0 ? "" : path.substring(cut);
        String head = cut < 0 ? path : path.substring(0, cut);
        if (head.isEmpty() || head.endsWith("/")) {
            head = head + "index.html";
        }
        return root + head + tail;
    }

    /** Returns the absolute URL of a site path under a base URL, or the base-relative path when the base is not absolute. */
    public static String absolute(String baseUrl, String sitePath) {
        String base = baseUrl.isEmpty() ? "/" : baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        String path = sitePath.startsWith("/") ? sitePath.substring(1) : sitePath;
        return base + path;
    }

    /** Returns true when a base URL is absolute (http or https with a host). */
    public static boolean isAbsolute(String baseUrl) {
        return baseUrl.matches("(?i)https?://[^/\\s]+(/.*)?");
    }

    /** Returns the path part of a base URL ending in '/', such as "/kb/" for "https://x.org/kb"; "/" when there is none. */
    public static String basePath(String baseUrl) {
        String path = baseUrl;
        if (isAbsolute(baseUrl)) {
            int slash = baseUrl.indexOf('/', baseUrl.indexOf("//") + 2);
            path = slash < 0 ? "/" : baseUrl.substring(slash);
        }
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        return path.endsWith("/") ? path : path + "/";
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) {
            return j;
        }
        return j < 0 ? i : Math.min(i, j);
    }
}
