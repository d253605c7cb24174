package dev.hindsight.render;

import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The links and images of a body, for {@link BodyRewriter}: where each leads on the site, and where each image is
 * placed. A link to content (a Markdown file, a bundle's folder) is asked of the body's context, which reads it as
 * {@code hindsight check} does.
 */
final class BodyLinks {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*:.*", Pattern.DOTALL);

    private BodyLinks() {
    }

    /**
     * Rewrites links: external ones get rel=noopener; a link to content (a Markdown file, a bundle's folder) leads to
     * its page, one to another file of the content folder to its copy next to the page; other root links become
     * relative.
     */
    static void links(Element body, BodyRewriter.Context ctx) {
        for (Element a : body.getElementsByTag("a")) {
            if (!a.hasAttr("href")) {
                continue;
            }
            String href = a.attr("href").strip();
            String lower = href.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//")) {
                Set<String> rel = new java.util.TreeSet<>(List.of(SPACES.split(a.attr("rel").toLowerCase(Locale.ROOT))));
                rel.remove("");
                rel.add("noopener");
                a.attr("rel", String.join(" ", rel));
            } else if (!href.startsWith("#") && !SCHEME.matcher(lower).matches()) {
                // A root link to content is from the content folder ("/2023/x.md"), as the check reads it.
                int cut = firstOf(href, '#', '?');
                String path = cut < 0 ? href : href.substring(0, cut);
                Optional<String> page = path.isEmpty() ? Optional.empty() : ctx.linkTarget(path);
                Optional<String> file = path.isEmpty() || page.isPresent() ? Optional.empty() : ctx.attachment(path);
                if (page.isPresent()) {
                    a.attr("href", RelativeLinks.href(ctx.root(), page.get()) + (cut < 0 ? "" : href.substring(cut)));
                } else if (file.isPresent()) {
                    a.attr("href", file.get() + (cut < 0 ? "" : href.substring(cut)));
                } else if (href.startsWith("/")) {
                    a.attr("href", RelativeLinks.href(ctx.root(), href));
                }
            }
        }
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    /** Makes images lazy and places the content folder's ones next to the page; a missing one is marked {@code missing}. */
    static void images(Element body, BodyRewriter.Context ctx) {
        for (Element img : body.getElementsByTag("img")) {
            img.attr("loading", "lazy").attr("decoding", "async");
            if (!img.hasAttr("alt")) {
                img.attr("alt", img.attr("title"));
            }
            String src = img.attr("src").strip();
            if (src.isEmpty() || src.startsWith("//") || src.startsWith("#")
                    || SCHEME.matcher(src.toLowerCase(Locale.ROOT)).matches()) {
                continue;
            }
            Optional<String> placed = ctx.image(src);
            if (placed.isPresent()) {
                img.attr("src", placed.get());
            } else {
                img.addClass("missing");
            }
        }
    }
}
