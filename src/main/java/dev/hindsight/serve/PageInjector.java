package dev.hindsight.serve;

import dev.hindsight.model.Problem;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds the preview's own bits to an HTML page as it is served (never to the built files): the live-reload script
 * and its stylesheet as external files (so the site's Content-Security-Policy holds in the preview too), and,
 * when the latest build failed, a banner listing its errors above the last good page.
 */
final class PageInjector {
    /** The URL path of the live-reload script. */
    static final String SCRIPT = "/__hindsight/reload.js";
    /** The URL path of the banner's stylesheet. */
    static final String STYLE = "/__hindsight/overlay.css";
    private static final int MAX_LISTED = 50;
    private static final Pattern HEAD_END = Pattern.compile("</head\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern BODY_START = Pattern.compile("<body\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    private PageInjector() {
    }

    /** Returns the page with the reload script, and the error banner when the build state has errors. */
    static String inject(String html, BuildState state) {
        return inject(html, state, state.version());
    }

    /**
     * Returns the page with the reload script, telling it the build the page is from (see
     * {@link BuildState#versionOf}), and the error banner when the build state has errors.
     */
    static String inject(String html, BuildState state, long build) {
        String head = "<link rel=\"stylesheet\" href=\"" + STYLE + "\"><script src=\"" + SCRIPT + "\" data-build=\""
                + build + "\" defer></script>";
        StringBuilder sb = new StringBuilder(html.length() + 512);
        Matcher h = HEAD_END.matcher(html);
        int at = h.find() ? h.start() : 0;
        sb.append(html, 0, at).append(head).append(html, at, html.length());
        if (state.failed()) {
            Matcher b = BODY_START.matcher(sb);
            int after = b.find() ? b.end() : sb.length();
            sb.insert(after, banner(state, true));
        }
        return sb.toString();
    }

    /** Returns a whole page for when there is no good build to show: still building, or every build failed. */
    static String standalone(BuildState state) {
        return standalone(state, state.version());
    }

    /**
     * Returns a whole page for a file the preview cannot show yet: the build that makes it is under way (or every
     * build failed); the page carries the build it waits for, so it reloads when that build is announced.
     */
    static String standalone(BuildState state, long build) {
        boolean building = !state.failed();
        String title = building ? "Building the site…" : "Build failed";
        String body = building
                ? "<p>The site is being built; this page reloads when it is done.</p>"
                : banner(state, false);
        return inject("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                + " · Hindsight</title></head><body><main><h1>" + title + "</h1>" + body + "</main></body></html>",
                new BuildState(state.version(), state.site(), false, state.problems(), state.took(), state.stages(),
                        state.files(), state.cached()), build);
    }

    /** Returns the banner that lists the errors of the latest build. */
    static String banner(BuildState state, boolean stale) {
        List<Problem> errors = state.errors();
        StringBuilder sb = new StringBuilder("<div id=\"hindsight-problems\" role=\"alert\"><h2>");
        sb.append(errors.size()).append(errors.size() == 1 ? " error" : " errors").append(" in the latest build");
        sb.append("</h2>");
        if (stale) {
            sb.append("<p>This page is from the last good build. Fix the problems below and save: the page reloads.</p>");
        }
        sb.append("<ul>");
        for (Problem p : errors.subList(0, Math.min(MAX_LISTED, errors.size()))) {
            String where = p.format();
            String tail = ": " + p.level().label() + ": ";
            int cut = where.indexOf(tail);
            sb.append("<li><span class=\"where\">").append(escape(cut < 0 ? "" : where.substring(0, cut)))
                    .append("</span> ").append(escape(cut < 0 ? where : where.substring(cut + tail.length())))
                    .append("</li>");
        }
        if (errors.size() > MAX_LISTED) {
            sb.append("<li>… and ").append(errors.size() - MAX_LISTED).append(" more: see the terminal</li>");
        }
        sb.append("</ul></div>");
        return sb.toString();
    }

    /** Escapes text for HTML content and attributes. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
