package dev.hindsight.check;

import dev.hindsight.model.ContentLinks;
import dev.hindsight.model.Problem;
import dev.hindsight.model.SitePaths;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Broken internal links in a body: links to {@code /incidents/x/} for an x that does not exist, to a Markdown
 * file ({@code x.md}, {@code ../2023/x.md}) that is not in the content folder, that the site does not publish (a
 * README) or that lies outside the content folder, to a relative path that leads to a missing incident, and to a
 * top-level page no content page or generated index provides. A link to content (a Markdown file, a bundle's folder)
 * is read by {@link ContentLinks}, as the build reads it when it rewrites the link; so is a link to another file in
 * the content folder (published with the page), and one to a missing file there names the file. Links to the site's own
 * {@code base_url} count as internal. Fragments and links inside taxonomy pages are not checked.
 */
final class LinkRule {
    private static final Pattern HREF = Pattern.compile("<a\\b[^>]*?\\shref\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')",
            Pattern.CASE_INSENSITIVE);
    /** A link with a scheme (https:, mailto:, data:): not a path of this site. */
    static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*:.*", Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|quot|apos|lt|gt);");
    /** Folders every build writes besides incident and content pages. */
    private static final Set<String> GENERATED = Set.of("incidents", "history", "search", "severities", "causes",
            "services", "teams", "tags", "years", "reports", "css", "js", "img", "files", "fonts");

    /** How a link to an unknown top-level folder is described; such links are warnings, not errors. */
    static final String OUTSIDE = "no top-level page";

    private LinkRule() {
    }

    /**
     * Returns one error per broken internal link in a rendered body.
     *
     * @param path     the content file, for problems
     * @param pageUrl  the site path of the page the body is shown on ("/incidents/x/"), for relative links
     * @param bodyHtml the body as the loader rendered it, links still as written
     * @param source   positions in the file's text
     */
    static List<Problem> check(String path, String pageUrl, String bodyHtml, SourceMap source, KnownContent known) {
        List<Problem> out = new ArrayList<>();
        if (!bodyHtml.contains("href")) {
            return out;
        }
        Matcher m = HREF.matcher(bodyHtml);
        int searchFrom = source.bodyStart();
        while (m.find()) {
            String href = unescape(m.group(1) != null ? m.group(1) : m.group(2));
            Optional<String> why = broken(href, path, pageUrl, known);
            if (why.isPresent()) {
                Position pos = source.find(href, searchFrom);
                if (pos.known()) {
                    searchFrom = pos.line();
                }
                CheckRule rule = why.get().startsWith(OUTSIDE) ? CheckRule.UNKNOWN_ROOT_LINK : CheckRule.BROKEN_LINK;
                out.add(rule.at(path, pos, "broken link `" + href + "`: " + why.get()));
            }
        }
        return out;
    }

    /** Returns why a link written in a content file is broken, or empty when it works or is not internal. */
    static Optional<String> broken(String href, String fromSource, String pageUrl, KnownContent known) {
        String h = href.strip();
        String base = known.baseUrl();
        if (base.matches("(?i)https?://.+") && h.toLowerCase(Locale.ROOT).startsWith(base.toLowerCase(Locale.ROOT))) {
            h = "/" + h.substring(base.length());
        }
        if (h.isEmpty() || h.startsWith("#") || h.startsWith("//") || SCHEME.matcher(h.toLowerCase(Locale.ROOT)).matches()) {
            return Optional.empty();
        }
        int cut = firstOf(h, '#', '?');
        String rawPath = cut < 0 ? h : h.substring(0, cut);
        if (rawPath.isEmpty()) {
            return Optional.empty();
        }
        String p = ContentLinks.decode(rawPath);
        ContentLinks.Target target = known.link(fromSource, rawPath);
        Optional<String> content = content(target, p);
        if (content.isPresent()) {
            return content.get().isEmpty() ? Optional.empty() : content;
        }
        Optional<String> why = asSitePath(p, pageUrl, base, known);
        // A path into the content folder that names a file leads nowhere on the site either: say which file is missing.
        // So does one into a bundle's folder, though the bundle's page makes the site path look like a page's folder.
        boolean noFile = target.kind() == ContentLinks.Kind.NO_FILE;
        return noFile && (why.isPresent() || !target.sitePath().isEmpty())
                ? Optional.of("no file `" + target.detail() + "` in the content folder") : why;
    }

    /** Returns why a link read as a path of the built site is broken, or empty when the site has it. */
    private static Optional<String> asSitePath(String p, String pageUrl, String base, KnownContent known) {
        if (p.startsWith("/")) {
            return sitePath(stripBasePath(p, base), known);
        }
        Optional<String> resolved = SitePaths.normalize(pageUrl + p);
        return resolved.isEmpty() ? Optional.of("it leads above the site root") : sitePath(resolved.get(), known);
    }

    /**
     * Returns why a link to content leads nowhere, "" when it leads to a page or is not reported again, or empty when
     * it is no link to content (a site path, read by the other rules).
     */
    private static Optional<String> content(ContentLinks.Target t, String p) {
        return switch (t.kind()) {
            case PAGE, QUIET, FILE -> Optional.of("");
            case UNPUBLISHED -> Optional.of("`" + t.detail() + "` is not published (" + t.reason() + "); link to it with"
                    + " a full URL instead (on the git host, say)");
            case OUTSIDE -> Optional.of("it leads outside the content folder, which is not published; link to it with a "
                    + "full URL (on the git host, say)");
            case AMBIGUOUS -> Optional.of(t.detail() + " content files are named `" + ContentLinks.stem(p)
                    + "`; write the path relative to this file");
            case MISSING -> Optional.of("no content file `" + p + "`");
            case NO_FILE, NOT_CONTENT -> Optional.empty();
        };
    }

    private static Optional<String> sitePath(String sitePath, KnownContent known) {
        List<String> segments = new ArrayList<>();
        for (String s : sitePath.split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        if (segments.isEmpty() || segments.get(0).equals("index.html")) {
            return Optional.empty();
        }
        String first = segments.get(0);
        if (first.equals("incidents") && segments.size() > 1 && !segments.get(1).equals("index.html")) {
            String slug = segments.get(1);
            return known.hasIncident(slug) ? Optional.empty() : Optional.of("no incident has the slug `" + slug + "`");
        }
        if (GENERATED.contains(first) || first.contains(".") || known.hasPage(first)) {
            return Optional.empty();
        }
        return Optional.of(OUTSIDE + " `/" + first + "/`: no content page has that slug; if it points at another"
                + " site, write the full URL");
    }

    private static String stripBasePath(String p, String baseUrl) {
        String basePath = baseUrl.replaceFirst("(?i)^https?://[^/]+", "");
        if (basePath.length() > 1 && basePath.startsWith("/") && p.startsWith(basePath)) {
            return "/" + p.substring(basePath.length());
        }
        return p;
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    /** Decodes the character references a sanitizer writes in attribute values. */
    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String r = switch (e) {
                case "amp" -> "&";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "lt" -> "<";
                case "gt" -> ">";
                default -> codePoint(e);
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String codePoint(String e) {
        try {
            int cp = e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1));
            return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : "";
        } catch (NumberFormatException ex) {
            return "";
        }
    }
}
