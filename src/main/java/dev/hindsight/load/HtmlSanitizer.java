package dev.hindsight.load;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.util.ast.Node;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cleans rendered Markdown, including any raw HTML its author wrote, down to a fixed set of harmless tags.
 *
 * <p>Policy (the README repeats it): raw HTML in Markdown is allowed but sanitized with a jsoup {@link Safelist}.
 * Kept: text formatting, headings (with their {@code id}), lists, task-list checkboxes, tables (with {@code align},
 * {@code colspan}, {@code rowspan}), code (with a {@code language-*} class), quotes, {@code details}, links and
 * images, and the markup of footnotes (their {@code fnref-N} and {@code fn-N} ids and classes). Dropped: everything
 * else, in particular {@code script}, {@code style}, {@code iframe}, {@code object}, {@code embed}, forms, SVG and
 * MathML, every {@code on*} handler, every {@code style} attribute and every other {@code class} or {@code id}. A URL
 * in {@code href}, {@code src} or {@code cite} must be relative or use http, https or (links only) mailto:
 * {@code javascript:}, {@code vbscript:}, {@code data:} and any other scheme are removed, also when hidden with
 * entities, case or whitespace. The text inside dropped tags is kept as text, except for {@code script} and
 * {@code style}, whose content is dropped.
 */
final class HtmlSanitizer {
    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.-]*):.*", Pattern.DOTALL);
    private static final Pattern LANGUAGE_CLASS = Pattern.compile("language-[A-Za-z0-9_+#.-]{1,40}");
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
    private static final Set<String> MEDIA_SCHEMES = Set.of("http", "https");
    /** The id of a footnote reference ({@code fnref-2}, or {@code fnref-2-1} for the second reference to note 2). */
    private static final Pattern FOOTNOTE_REF_ID = Pattern.compile("fnref-\\d{1,5}(-\\d{1,5})?");
    /** The id of a footnote's note. */
    private static final Pattern FOOTNOTE_ID = Pattern.compile("fn-\\d{1,5}");

    private final Cleaner cleaner = new Cleaner(new Policy());

    /**
     * Returns true when HTML rendered from a tree could fall outside the policy: the tree has raw HTML, or a link,
     * image, reference or autolink whose URL is not allowed. HTML that flexmark renders from any other tree uses
     * only allowed tags and escaped attributes, so cleaning it again would change nothing.
     */
    static boolean needsCleaning(Node root) {
        Node n = root;
        while (n != null) {
            if (n instanceof HtmlBlockBase || n instanceof HtmlInlineBase) {
                return true;
            }
            if (n instanceof LinkNodeBase l && !isSafeUrl(l.getUrl().toString(), n instanceof Image)) {
                return true;
            }
            if ((n instanceof AutoLink || n instanceof MailLink) && !isSafeUrl(n.getChars().toString()
                    .replaceAll("^<|>$", ""), false) && !(n instanceof MailLink)) {
                return true;
            }
            if (n.getFirstChild() != null) {
                n = n.getFirstChild();
                continue;
            }
            while (n != null && n != root && n.getNext() == null) {
                n = n.getParent();
            }
            n = n == null || n == root ? null : n.getNext();
        }
        return false;
    }

    /** Returns the safe form of an HTML fragment. */
    String clean(String html) {
        Document dirty = Jsoup.parseBodyFragment(html, "");
        Document clean = cleaner.clean(dirty);
        for (Element input : clean.body().getElementsByTag("input")) {
            if (!input.attr("type").equals("checkbox")) {
                input.remove();
            }
        }
        clean.outputSettings().prettyPrint(false).charset("UTF-8");
        return clean.body().html();
    }

    /** Returns true when a URL may be used in a link ({@code href}) or, with {@code media}, as a source. */
    static boolean isSafeUrl(String url, boolean media) {
        StringBuilder sb = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c > ' ' && c != 0x7f) {
                sb.append(c);
            }
        }
        String v = sb.toString().toLowerCase(Locale.ROOT);
        var m = SCHEME.matcher(v);
        if (!m.matches()) {
            return !v.startsWith("&") && !v.contains("&#");
        }
        return (media ? MEDIA_SCHEMES : LINK_SCHEMES).contains(m.group(1));
    }

    /** The allowed tags and attributes, with value checks jsoup's plain lists cannot express. */
    private static final class Policy extends Safelist {
        Policy() {
            addTags("a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
                    "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
                    "h6", "hr", "i", "img", "input", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp",
                    "small", "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
                    "th", "thead", "time", "tr", "u", "ul", "var");
            addAttributes("a", "href", "title", "class");
            addAttributes("img", "src", "alt", "title", "width", "height");
            addAttributes("abbr", "title");
            addAttributes("blockquote", "cite");
            addAttributes("q", "cite");
            addAttributes("code", "class");
            addAttributes("col", "span");
            addAttributes("colgroup", "span");
            addAttributes("details", "open");
            addAttributes("input", "type", "checked", "disabled", "class");
            addAttributes("li", "class", "id");
            addAttributes("sup", "id");
            addAttributes("div", "class");
            addAttributes("ol", "start", "reversed");
            addAttributes("td", "align", "colspan", "rowspan");
            addAttributes("th", "align", "colspan", "rowspan", "scope");
            addAttributes("time", "datetime");
            for (String h : new String[] {"h1", "h2", "h3", "h4", "h5", "h6"}) {
                addAttributes(h, "id");
            }
            addEnforcedAttribute("input", "disabled", "disabled");
        }

        @Override
        public boolean isSafeAttribute(String tagName, Element el, Attribute attr) {
            if (!super.isSafeAttribute(tagName, el, attr)) {
                return false;
            }
            String value = attr.getValue();
            return switch (attr.getKey()) {
                case "href" -> isSafeUrl(value, false);
                case "src" -> isSafeUrl(value, true);
                case "cite" -> isSafeUrl(value, true);
                case "class" -> switch (tagName) {
                    case "code" -> LANGUAGE_CLASS.matcher(value).matches();
                    case "li" -> value.equals("task-list-item");
                    case "input" -> value.equals("task-list-item-checkbox");
                    case "a" -> value.equals("footnote-ref") || value.equals("footnote-backref");
                    case "div" -> value.equals("footnotes");
                    default -> false;
                };
                case "type" -> value.equals("checkbox");
                case "align" -> value.equals("left") || value.equals("right") || value.equals("center");
                case "id" -> switch (tagName) {
                    case "sup" -> FOOTNOTE_REF_ID.matcher(value).matches();
                    case "li" -> FOOTNOTE_ID.matcher(value).matches();
                    default -> value.length() <= 200;
                };
                default -> true;
            };
        }
    }
}
