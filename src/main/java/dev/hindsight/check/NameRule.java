package dev.hindsight.check;

import dev.hindsight.model.KeyHash;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Term;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal names outside the timeline, which turn a write-up about systems into one about people.
 * Two signals: a name from {@code authors} that reads as a person ("Jane Doe", "jdoe"; rotations such as
 * {@code payments-oncall} are not people), and a capitalized first name followed by an action verb ("John forgot",
 * "Priya merged"). The second is a heuristic: a word counts as a name only when the document never writes it
 * in lower case, it is not a vocabulary id, label or tag of the site, and it is not a common sentence opener or
 * a well-known tool name. The timeline may name people: it records who did what, when; so may the action items (an
 * item's owner) and the {@code Label: value} lines of a header above the first section, which record who wrote or led it.
 */
final class NameRule {
    private static final Pattern PERSON = Pattern.compile("\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]*)*");
    private static final Pattern HANDLE = Pattern.compile("@?([a-z][a-z0-9_.]{1,38})");
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’]*");
    /**
     * Verbs that, after a first name, read as a person's act or slip. Verbs that systems do as often as people
     * ("deployed", "restarted", "failed", "removed") are left out: "Argo deployed", "Checkout failed" are fine.
     */
    private static final Set<String> VERBS = Set.of("forgot", "missed", "ignored", "overlooked", "neglected", "skipped",
            "mistyped", "misconfigured", "misread", "misunderstood", "accidentally", "mistakenly", "wrongly",
            "incorrectly", "carelessly", "didn't", "didn’t", "should've", "botched", "assumed", "approved", "decided",
            "chose", "clicked", "typed", "pushed", "merged", "committed");
    /** Two-word verbs: the first word, and the words that may follow it. */
    private static final Map<String, Set<String>> PHRASES = Map.of("failed", Set.of("to"), "did", Set.of("not"),
            "should", Set.of("have"), "shouldn't", Set.of("have"), "shouldn’t", Set.of("have"), "messed", Set.of("up"),
            "screwed", Set.of("up"), "was", Set.of("supposed", "responsible"));
    private static final Pattern CAPITALIZED = Pattern.compile("\\p{Lu}\\p{Ll}{1,19}");
    /** Capitalized words that open sentences or name things, never people. */
    private static final Set<String> NOT_NAMES = Set.copyOf(List.of("We", "They", "He", "She", "It", "This", "That", "These",
            "Those", "There", "Then", "The", "Our", "Their", "His", "Her", "Its", "Nobody", "Someone", "Somebody",
            "Everyone", "Everybody", "Anyone", "Anybody", "Nothing", "Everything", "Each", "Every", "Both", "One",
            "Another", "Who", "What", "When", "While", "After", "Before", "Once", "If", "Because", "So", "And", "But",
            "Also", "Later", "Meanwhile", "Instead", "No", "Yes", "You", "Which", "Where", "Why", "How", "Some",
            "Many", "Most", "All", "Nobody", "Automation", "Monitoring", "Alerting", "Engineering", "Support",
            "Management", "Leadership", "Security", "Operations", "Ops", "Oncall", "Customers", "Users", "Customer",
            "User", "Team", "Teams", "Nothing", "Noone", "Eventually", "Initially", "Again", "Today", "Yesterday",
            "Tomorrow", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
            "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
            "December", "Kubernetes", "Terraform", "Prometheus", "Grafana", "Alertmanager", "Karpenter", "Envoy",
            "Kafka", "Redis", "Postgres", "Jenkins", "Datadog", "Helm", "Argo", "Vault", "Consul", "Nginx", "Istio",
            "Linux", "Docker", "Java", "Python", "Go", "Node", "Ruby", "Rails", "Spring", "Slack", "Jira", "Github",
            "Gitlab", "Opsgenie", "Sentry", "Cloudflare", "Fastly", "Akamai", "Amazon", "Google", "Azure", "Chrome",
            "Firefox", "Safari", "Android", "Windows", "Ubuntu", "Debian", "Ansible", "Puppet", "Chef", "Flux",
            "Renovate", "Dependabot", "Bamboo", "Travis", "Circle", "Concourse", "Spinnaker", "Tekton", "Velero",
            "Elasticsearch", "Kibana", "Logstash", "Loki", "Tempo", "Thanos", "Cortex", "Mimir", "Jaeger", "Zipkin",
            "Calico", "Cilium", "Flannel", "Weave", "Traefik", "Haproxy", "Varnish", "Memcached", "Mongo", "Cassandra",
            "Zookeeper", "Etcd", "Coredns", "Kubelet", "Pod", "Node", "Cluster", "Release", "Deploy", "Rollback",
            "Fix", "Change", "Script", "Job", "Cron", "Pipeline", "Alert", "Build", "Config", "Service", "System"));

    private final Set<String> siteWords = new HashSet<>();

    /** Collects the words of the site that are ids, labels or tags and so never count as names. */
    NameRule(Site site) {
        SiteConfig cfg = site.config();
        for (List<Term> vocabulary : List.of(cfg.severities(), cfg.causes(), cfg.services(), cfg.teams())) {
            for (Term t : vocabulary) {
                addWords(t.id());
                addWords(t.label());
            }
        }
        for (Postmortem p : site.postmortems()) {
            p.tags().forEach(this::addWords);
            p.services().forEach(this::addWords);
            p.teams().forEach(this::addWords);
        }
    }

    private void addWords(String s) {
        Matcher m = WORD.matcher(s);
        while (m.find()) {
            siteWords.add(m.group().toLowerCase(Locale.ROOT));
        }
    }

    /** Feeds the words that never count as names into a digest. */
    void feed(KeyHash md) {
        KnownContent.feed(md, "site-words", siteWords);
    }

    /** Returns one warning per personal name outside the timeline. */
    List<Problem> check(Document doc, Prose prose) {
        List<Problem> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String text = prose.text();
        for (String author : doc.postmortem().authors()) {
            Pattern p = authorPattern(author.strip());
            if (p == null) {
                continue;
            }
            Matcher m = p.matcher(text);
            while (m.find()) {
                report(doc, prose, m.start(), m.group(), "an author's name", seen, out);
            }
        }
        int[] words = words(text);
        for (int i = 1; 2 * i < words.length; i++) {
            int start = words[2 * i - 2];
            int end = words[2 * i - 1];
            if (!Character.isUpperCase(text.charAt(start)) || !blank(text, end, words[2 * i])) {
                continue;
            }
            int verbEnd = verbEnd(text, words, i);
            if (verbEnd < 0 || !nameAt(text, start, end)) {
                continue;
            }
            String phrase = text.substring(start, verbEnd).replaceAll("\\s+", " ");
            report(doc, prose, start, text.substring(start, end), "\"" + phrase + "\" names a person", seen, out);
        }
        return out;
    }

    private static void report(Document doc, Prose prose, int offset, String name, String what, Set<String> seen,
                               List<Problem> out) {
        Prose.Line line = prose.lineAt(offset);
        if (line.record() || !seen.add(line.line() + ":" + name)) {
            return;
        }
        String message = what.startsWith("an author") ? "\"" + name + "\" is " + what + " outside the timeline"
                : what + " outside the timeline";
        out.add(doc.problem(CheckRule.PERSONAL_NAME, prose.at(offset), message
                + ": write the role or system instead (\"the on-call engineer\", \"the deploy pipeline\")"));
    }

    /** Returns the pattern that finds an author in prose, or null for a rotation or team id. */
    private Pattern authorPattern(String author) {
        if (PERSON.matcher(author).matches()) {
            List<String> parts = new ArrayList<>();
            for (String w : author.split("\\s+")) {
                String clean = w.replaceAll("[.’']+$", "");
                if (clean.length() >= 2 && !NOT_NAMES.contains(clean)) {
                    parts.add(Pattern.quote(clean));
                }
            }
            return parts.isEmpty() ? null
                    : Pattern.compile("(?<![\\p{L}\\p{N}_-])(?:" + String.join("|", parts) + ")(?![\\p{L}\\p{N}_-])");
        }
        String local = author.contains("@") && !author.startsWith("@") ? author.substring(0, author.indexOf('@')) : author;
        Matcher h = HANDLE.matcher(local);
        if (h.matches() && h.group(1).length() >= 3 && !siteWords.contains(h.group(1)) && !NOT_NAMES.stream()
                .anyMatch(n -> n.equalsIgnoreCase(h.group(1)))) {
            return Pattern.compile("(?<![\\p{L}\\p{N}_-])@?" + Pattern.quote(h.group(1)) + "(?![\\p{L}\\p{N}_-])",
                    Pattern.CASE_INSENSITIVE);
        }
        return null;
    }

    /**
     * Returns the start and end of every word (letters, with inner apostrophes): word k's at 2k and 2k + 1. A text has
     * no more words than half its length, rounded up.
     */
    private static int[] words(String text) {
        int n = text.length();
        int[] out = new int[n + 2];
        int count = 0;
        int i = 0;
        while (i < n) {
            if (!letter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && (letter(text.charAt(i)) || text.charAt(i) == '\'' || text.charAt(i) == '’')) {
                i++;
            }
            out[count++] = start;
            out[count++] = i;
        }
        return java.util.Arrays.copyOf(out, count);
    }

    /** Returns true for a letter, asking the Unicode tables only beyond ASCII (most of a postmortem is ASCII). */
    private static boolean letter(char c) {
        return c < 0x80 ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' : Character.isLetter(c);
    }

    /** Returns where the verb starting at word i ends, or -1 when word i starts no listed verb. */
    private static int verbEnd(String text, int[] words, int i) {
        int start = words[2 * i];
        int end = words[2 * i + 1];
        String word = text.substring(start, end);
        if (VERBS.contains(word)) {
            return end;
        }
        Set<String> next = PHRASES.get(word);
        if (next != null && 2 * i + 3 < words.length) {
            int nextStart = words[2 * i + 2];
            int nextEnd = words[2 * i + 3];
            if (blank(text, end, nextStart) && next.contains(text.substring(nextStart, nextEnd))) {
                return nextEnd;
            }
        }
        return -1;
    }

    private static boolean blank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Returns true when the text has a word, as a whole word, in exactly this case. */
    private static boolean hasWord(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            if ((at == 0 || !Character.isLetter(text.charAt(at - 1))) && (end >= text.length() || !Character.isLetter(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /** Returns true when a word may be a first name: capitalized, not after '@', '/', '.', '-' or '_', and not known. */
    private boolean nameAt(String text, int start, int end) {
        String name = text.substring(start, end);
        char before = start == 0 ? ' ' : text.charAt(start - 1);
        if (!CAPITALIZED.matcher(name).matches() || "@/.-_".indexOf(before) >= 0 || Character.isLetterOrDigit(before)) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return !NOT_NAMES.contains(name) && !name.endsWith("ly") && !siteWords.contains(lower) && !hasWord(text, lower);
    }
}
