package dev.hindsight.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code [[headers]]} rules of a netlify.toml, matched the way Netlify matches them: {@code *} alone in a
 * path segment matches anything (slashes included, and nothing at all), {@code *} inside a segment matches any
 * text, {@code :name} matches one segment; a later rule's header replaces an earlier rule's header of the same name.
 * Reads only the TOML this project writes (one {@code key = "value"} per line).
 */
public final class NetlifyHeaders {
    private static final Pattern ENTRY = Pattern.compile("^\\s*([A-Za-z0-9-]+)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(#.*)?$");

    /** One rule: a path pattern and its headers. */
    public record Rule(String pattern, Pattern regex, Map<String, String> values) {
    }

    private final List<Rule> rules;

    private NetlifyHeaders(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Reads the header rules of a netlify.toml. */
    public static NetlifyHeaders read(Path toml) throws IOException {
        List<Rule> rules = new ArrayList<>();
        String pattern = null;
        Map<String, String> values = null;
        boolean inValues = false;
        for (String line : Files.readAllLines(toml)) {
            String t = line.strip();
            if (t.equals("[[headers]]")) {
                if (pattern != null) {
                    rules.add(new Rule(pattern, regex(pattern), values));
                }
                pattern = "";
                values = new LinkedHashMap<>();
                inValues = false;
            } else if (t.startsWith("[")) {
                inValues = t.equals("[headers.values]") && pattern != null;
                if (!inValues && pattern != null) {
                    rules.add(new Rule(pattern, regex(pattern), values));
                    pattern = null;
                }
            } else {
                Matcher m = ENTRY.matcher(line);
                if (m.matches() && pattern != null) {
                    if (inValues) {
                        values.put(m.group(1), m.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
                    } else if (m.group(1).equals("for")) {
                        pattern = m.group(2);
                    }
                }
            }
        }
        if (pattern != null) {
            rules.add(new Rule(pattern, regex(pattern), values));
        }
        return new NetlifyHeaders(rules);
    }

    /** Returns the rules, in file order. */
    public List<Rule> rules() {
        return rules;
    }

    /** Returns the rules that match a request path. */
    public List<Rule> matching(String path) {
        return rules.stream().filter(r -> r.regex().matcher(path).matches()).toList();
    }

    /** Returns the headers Netlify sends for a request path. */
    public Map<String, String> forPath(String path) {
        Map<String, String> out = new LinkedHashMap<>();
        matching(path).forEach(r -> out.putAll(r.values()));
        return out;
    }

    static Pattern regex(String forPath) {
        List<String> parts = new ArrayList<>();
        for (String part : forPath.split("/")) {
            String p = part.stripTrailing();
            if (p.isEmpty()) {
                continue;
            }
            if (p.startsWith(":")) {
                parts.add("([^/]+)");
            } else if (p.equals("*")) {
                parts.add("?(.*)");
            } else if (p.contains("*")) {
                parts.add(String.join("(.*)", List.of(p.split("\\*", -1)).stream().map(Pattern::quote).toList()));
            } else {
                parts.add(Pattern.quote(p));
            }
        }
        return Pattern.compile("^/" + String.join("/", parts) + "/?$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
