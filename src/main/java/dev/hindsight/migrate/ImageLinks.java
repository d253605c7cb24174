package dev.hindsight.migrate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The images a body links to, and the body with its root-absolute image links made relative. A relative link
 * ({@code img/graph.png}) keeps working when the image is copied to the same place beside the imported file; a
 * root-absolute one ({@code /assets/graph.png}) names the source collection's root, so the image is copied beside
 * the file and the link becomes its file name. Nothing else in the body changes.
 */
final class ImageLinks {
    private static final Pattern MARKDOWN = Pattern.compile("!\\[[^\\]\\n]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"\\n]*\")?\\s*\\)");
    private static final Pattern HTML = Pattern.compile("<img\\b[^>]*?\\bsrc\\s*=\\s*[\"']([^\"']+)[\"']", Pattern.CASE_INSENSITIVE);
    private static final Set<String> IMAGE = Set.of("png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "bmp", "ico");

    /**
     * One image to copy.
     *
     * @param from the image in the source collection
     * @param to   where it goes, relative to the folder the imported file is written to
     */
    record Copy(Path from, String to) {
    }

    /**
     * A body after its links were looked at.
     *
     * @param body      the body, with root-absolute image links rewritten
     * @param copies    the images to copy
     * @param rewritten each rewritten link, "old → new"
     * @param missing   linked images that do not exist
     */
    record Result(String body, List<Copy> copies, List<String> rewritten, List<String> missing) {
    }

    private ImageLinks() {
    }

    /** Finds the local images of a body whose file is in a folder of a collection. */
    static Result of(String body, Path root, Path fileDir) {
        List<Copy> copies = new ArrayList<>();
        List<String> rewritten = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        StringBuilder out = new StringBuilder(body.length());
        int last = 0;
        List<int[]> spans = targets(body);
        for (int[] span : spans) {
            String target = body.substring(span[0], span[1]);
            String path = target.replaceFirst("[?#].*$", "");
            if (!local(path) || !IMAGE.contains(extension(path))) {
                continue;
            }
            boolean absolute = path.startsWith("/");
            Path file = (absolute ? root.resolve(path.substring(1)) : fileDir.resolve(path)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                missing.add(target);
                continue;
            }
            Path rel = fileDir.relativize(file).normalize();
            if (absolute || rel.startsWith("..")) {
                String name = file.getFileName().toString();
                copies.add(new Copy(file, name));
                out.append(body, last, span[0]).append(name);
                last = span[1];
                rewritten.add(target + " \u2192 " + name);
            } else {
                copies.add(new Copy(file, rel.toString().replace('\\', '/')));
            }
        }
        out.append(body.substring(last));
        return new Result(out.toString(), copies, rewritten, missing);
    }

    /** Returns the start and end of each link target, in order. */
    private static List<int[]> targets(String body) {
        List<int[]> spans = new ArrayList<>();
        for (Pattern p : new Pattern[] {MARKDOWN, HTML}) {
            Matcher m = p.matcher(body);
            while (m.find()) {
                spans.add(new int[] {m.start(1), m.end(1)});
            }
        }
        spans.sort((a, b) -> Integer.compare(a[0], b[0]));
        return spans;
    }

    private static boolean local(String target) {
        return !target.isEmpty() && !target.startsWith("//") && !target.matches("(?i)^[a-z][a-z0-9+.-]*:.*");
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
