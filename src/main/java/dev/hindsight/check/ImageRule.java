package dev.hindsight.check;

import dev.hindsight.model.ContentLinks;
import dev.hindsight.model.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Images a body shows that the content folder does not have. An image is looked for as the build looks for it when
 * it copies it next to the page ({@link ContentLinks#image}), so {@code check} and the build report the same ones; an
 * image on another host ({@code https:}, {@code //cdn}) or inline ({@code data:}) is not checked.
 */
final class ImageRule {
    private static final Pattern SRC = Pattern.compile("<img\\b[^>]*?\\ssrc\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')",
            Pattern.CASE_INSENSITIVE);

    private ImageRule() {
    }

    /**
     * Returns one warning per image of a rendered body that the content folder does not have.
     *
     * @param path     the content file, for problems
     * @param bodyHtml the body as the loader rendered it, sources still as written
     * @param source   positions in the file's text
     */
    static List<Problem> check(String path, String bodyHtml, SourceMap source, KnownContent known) {
        List<Problem> out = new ArrayList<>();
        if (!bodyHtml.contains("<img")) {
            return out;
        }
        Matcher m = SRC.matcher(bodyHtml);
        int searchFrom = source.bodyStart();
        while (m.find()) {
            String src = LinkRule.unescape(m.group(1) != null ? m.group(1) : m.group(2)).strip();
            if (src.isEmpty() || src.startsWith("//") || src.startsWith("#")
                    || LinkRule.SCHEME.matcher(src.toLowerCase(Locale.ROOT)).matches()) {
                continue;
            }
            ContentLinks.Target image = known.image(path, src);
            if (image.kind() != ContentLinks.Kind.FILE) {
                Position pos = source.find(src, searchFrom);
                if (pos.known()) {
                    searchFrom = pos.line();
                }
                out.add(CheckRule.MISSING_IMAGE.at(path, pos, "image not found: `" + src + "`: no file `"
                        + image.detail() + "` in the content folder"));
            }
        }
        return out;
    }
}
