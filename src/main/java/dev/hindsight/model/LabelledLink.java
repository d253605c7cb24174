package dev.hindsight.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A named link a team keeps for a vocabulary term in site.yml (a service's runbook, dashboard or on-call rota).
 *
 * @param name what the link is ("runbook"), as written
 * @param url  an absolute http(s) URL, or a site-relative path starting with a single '/'
 */
public record LabelledLink(String name, String url) {
    public LabelledLink {
        Validate.notBlank(name, "name");
        Validate.isTrue(acceptable(url), "url must be http(s) or site-relative: " + url);
    }

    /**
     * Returns whether a URL may be a term's link: http or https with a host, or a path on this site ({@code /x}, not
     * {@code //host}), without spaces or control characters. Anything else ({@code javascript:}, a bare word) is not.
     */
    public static boolean acceptable(String url) {
        if (url == null || url.isEmpty() || url.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return false;
        }
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("http") || scheme.equals("https")) {
                return u.getHost() != null && !u.getHost().isEmpty();
            }
            return scheme.isEmpty() && url.startsWith("/") && !url.startsWith("//");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Returns true for a path on this site rather than an absolute URL. */
    public boolean siteRelative() {
        return url.startsWith("/");
    }
}
