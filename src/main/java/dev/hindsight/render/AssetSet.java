package dev.hindsight.render;

import dev.hindsight.model.JsonOut;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Result;
import dev.hindsight.model.SiteWriter;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The theme's static files (CSS, JS, images), each under a fingerprinted name.
 * They come from the copy inside the jar, overridden file by file by the project's {@code assets/} folder.
 * CSS {@code url(...)} references to other assets are rewritten to the fingerprinted names before hashing, and a
 * script holding the string literal {@value #ASSET_MAP} gets in its place the map of every other asset's logical name
 * to its fingerprinted path (a JSON object), before it is hashed: the search client finds its files that way, where
 * every page used to list them (at 10k incidents, 2 MB of the site).
 */
public final class AssetSet {
    private static final String CLASSPATH_ROOT = "hindsight/assets";
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*(['\"]?)([^'\")]+)\\1\\s*\\)");
    /** The string literal a script writes where it wants the map of the other assets. */
    public static final String ASSET_MAP = "\"__HINDSIGHT_ASSET_MAP__\"";

    private final Map<String, String> paths;
    private final Map<String, byte[]> files;

    private AssetSet(Map<String, String> paths, Map<String, byte[]> files) {
        this.paths = Collections.unmodifiableMap(paths);
        this.files = Collections.unmodifiableMap(files);
    }

    /** Reads the built-in assets and lays the project's assets/ folder over them. */
    public static Result<AssetSet> load(Path projectDir) {
        Path dir = projectDir.resolve("assets");
        try {
            Map<String, byte[]> files = readClasspath();
            if (Files.isDirectory(dir)) {
                files.putAll(read(dir));
            }
            return Result.of(of(files));
        } catch (IOException | URISyntaxException e) {
            return new Result<>(of(new TreeMap<>()), List.of(Problem.error("assets", 0, "assets",
                    "could not read the theme assets: " + e.getMessage())));
        }
    }

    /** Fingerprints a set of files given by logical name ("css/site.css"). */
    public static AssetSet of(Map<String, byte[]> sources) {
        Map<String, String> paths = new TreeMap<>();
        Map<String, byte[]> out = new TreeMap<>();
        List<String> css = new ArrayList<>();
        for (var e : new TreeMap<>(sources).entrySet()) {
            if (e.getKey().endsWith(".css")) {
                css.add(e.getKey());
            } else {
                paths.put(e.getKey(), Fingerprint.name(e.getKey(), e.getValue()));
                out.put(paths.get(e.getKey()), e.getValue());
            }
        }
        for (String name : css) {
            byte[] bytes = rewriteCss(name, sources.get(name), paths);
            paths.put(name, Fingerprint.name(name, bytes));
            out.put(paths.get(name), bytes);
        }
        // Scripts that ask for the map last, so it holds every other file's final name.
        List<String> mapped = paths.keySet().stream()
                .filter(n -> n.endsWith(".js") && contains(sources.get(n), ASSET_MAP)).toList();
        for (String name : mapped) {
            out.remove(paths.remove(name));
        }
        String map = assetMap(paths);
        for (String name : mapped) {
            String script = new String(sources.get(name), StandardCharsets.UTF_8);
            byte[] bytes = script.replace(ASSET_MAP, map).getBytes(StandardCharsets.UTF_8);
            paths.put(name, Fingerprint.name(name, bytes));
            out.put(paths.get(name), bytes);
        }
        return new AssetSet(paths, out);
    }

    /** Returns the logical names and fingerprinted paths as a JSON object, sorted by name. */
    private static String assetMap(Map<String, String> paths) {
        return JsonOut.string(JsonOut.Layout.COMPACT, g -> {
            g.writeStartObject();
            for (var e : paths.entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        });
    }

    private static boolean contains(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.UTF_8).contains(text);
    }

    /** Returns logical name to fingerprinted site path, sorted by name. */
    public Map<String, String> paths() {
        return paths;
    }

    /** Returns true when an asset with this logical name exists. */
    public boolean has(String name) {
        return paths.containsKey(name);
    }

    /** Returns every fingerprinted file, by its site path. */
    public Map<String, byte[]> files() {
        return files;
    }

    /** Writes every fingerprinted file. */
    public void write(SiteWriter out) throws IOException {
        for (var e : files.entrySet()) {
            out.write(e.getKey(), e.getValue());
        }
    }

    private static byte[] rewriteCss(String name, byte[] bytes, Map<String, String> paths) {
        String css = new String(bytes, StandardCharsets.UTF_8);
        String dir = name.contains("/") ? name.substring(0, name.lastIndexOf('/') + 1) : "";
        Matcher m = CSS_URL.matcher(css);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String ref = m.group(2).trim();
            String target = java.net.URI.create("x:/" + dir).resolve(ref.replace(" ", "%20")).getPath();
            String logical = target == null ? null : target.substring(1);
            String replacement = m.group();
            if (logical != null && paths.containsKey(logical) && !ref.contains(":")) {
                String fp = paths.get(logical);
                replacement = "url(" + m.group(1) + ref.substring(0, ref.length() - lastSegment(ref).length())
                        + lastSegment(fp) + m.group(1) + ")";
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static Map<String, byte[]> read(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                if (!lastSegment(rel).startsWith(".")) {
                    files.put(rel, Files.readAllBytes(f));
                }
            }
        }
        return files;
    }

    private static Map<String, byte[]> readClasspath() throws IOException, URISyntaxException {
        URL url = AssetSet.class.getClassLoader().getResource(CLASSPATH_ROOT);
        if (url == null) {
            return new TreeMap<>();
        }
        URI uri = url.toURI();
        if (!"jar".equals(uri.getScheme())) {
            return read(Path.of(uri));
        }
        // Inside the jar: read the entries under hindsight/assets/ straight from the jar file.
        Map<String, byte[]> files = new TreeMap<>();
        JarURLConnection conn = (JarURLConnection) url.openConnection();
        conn.setUseCaches(false);
        try (JarFile jar = conn.getJarFile()) {
            String prefix = CLASSPATH_ROOT + "/";
            for (JarEntry e : java.util.Collections.list(jar.entries())) {
                String name = e.getName();
                if (!e.isDirectory() && name.startsWith(prefix) && !lastSegment(name).startsWith(".")) {
                    try (InputStream in = jar.getInputStream(e)) {
                        files.put(name.substring(prefix.length()), in.readAllBytes());
                    }
                }
            }
        }
        return files;
    }
}
