package dev.hindsight.config;

import dev.hindsight.model.LabelledLink;
import dev.hindsight.model.LintRule;
import dev.hindsight.model.Term;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the list-valued settings of site.yml: vocabularies (severities, causes, services, teams) and
 * blameless-language rules. A vocabulary entry is a map {@code {id, label, description, team, links}} or plain
 * text, which is then both the id and the label. {@code links} maps a name (runbook, dashboard, on-call...) to an
 * http(s) URL or a site-relative path; a link that is neither is a warning at its line and is left out.
 */
final class VocabularyReader {
    private static final Set<String> TERM_KEYS = Set.of("id", "label", "description", "team", "links");
    private final YamlFields fields;

    VocabularyReader(YamlFields fields) {
        this.fields = fields;
    }

    /** Reads one vocabulary; entries without an id and repeated ids are errors and are left out. */
    List<Term> terms(YamlNode.Entry entry) {
        List<Term> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Optional<YamlNode.Sequence> list = fields.list(entry);
        if (list.isEmpty()) {
            return out;
        }
        for (YamlNode item : list.get().items()) {
            Optional<Term> term = term(entry.key(), item);
            if (term.isEmpty()) {
                continue;
            }
            if (!ids.add(term.get().id())) {
                fields.error(item.line(), "vocabulary", entry.key() + ": id '" + term.get().id() + "' is listed twice");
                continue;
            }
            out.add(term.get());
        }
        return out;
    }

    private Optional<Term> term(String vocabulary, YamlNode item) {
        if (item instanceof YamlNode.Scalar s) {
            Optional<String> id = fields.text(vocabulary, s);
            return id.map(v -> new Term(v, v, "", Optional.empty()));
        }
        if (!(item instanceof YamlNode.Mapping m)) {
            fields.error(item.line(), "wrong-type", vocabulary + ": each entry must be an id or a map with an id, not "
                    + item.kind());
            return Optional.empty();
        }
        for (YamlNode.Entry e : m.entries()) {
            if (!TERM_KEYS.contains(e.key())) {
                fields.info(e.line(), "unknown-key", vocabulary + ": unknown key `" + e.key()
                        + "` (known: id, label, description, team, links); it is ignored");
            }
        }
        Optional<String> id = m.entry("id").flatMap(fields::text);
        if (id.isEmpty()) {
            fields.error(m.line(), "vocabulary", vocabulary + ": an entry has no `id`; it is left out");
            return Optional.empty();
        }
        String label = m.entry("label").flatMap(fields::text).orElse(id.get());
        String description = m.entry("description").flatMap(fields::text).orElse("");
        Optional<String> team = m.entry("team").flatMap(fields::text);
        List<LabelledLink> links = m.entry("links").map(e -> links(vocabulary, id.get(), e)).orElse(List.of());
        return Optional.of(new Term(id.get(), label, description, team, links));
    }

    /** Reads a term's {@code links} map in its written order; a link that is not acceptable is a warning. */
    private List<LabelledLink> links(String vocabulary, String id, YamlNode.Entry entry) {
        List<LabelledLink> out = new ArrayList<>();
        if (!(entry.value() instanceof YamlNode.Mapping m)) {
            if (!(entry.value() instanceof YamlNode.Scalar s && s.isNull())) {
                fields.error(entry.line(), "wrong-type", vocabulary + ": " + id + ": `links` must be a map of name: URL, not "
                        + entry.value().kind());
            }
            return out;
        }
        for (YamlNode.Entry e : m.entries()) {
            Optional<String> url = fields.text(e);
            if (url.isEmpty()) {
                continue;
            }
            if (!LabelledLink.acceptable(url.get())) {
                fields.warning(e.value().line(), "config", vocabulary + ": " + id + ": link `" + e.key()
                        + "` is not an http(s) URL or a site path starting with '/': " + url.get() + "; it is left out");
            } else {
                out.add(new LabelledLink(e.key(), url.get()));
            }
        }
        return out;
    }

    /** Reads the blameless-language rules; a pattern that is not a valid regular expression is an error. */
    List<LintRule> rules(YamlNode.Entry entry) {
        List<LintRule> out = new ArrayList<>();
        Optional<YamlNode.Sequence> list = fields.list(entry);
        if (list.isEmpty()) {
            return out;
        }
        for (YamlNode item : list.get().items()) {
            Optional<String> pattern;
            String suggestion = "";
            if (item instanceof YamlNode.Mapping m) {
                pattern = m.entry("pattern").flatMap(fields::text);
                suggestion = m.entry("suggestion").flatMap(fields::text).orElse("");
            } else {
                pattern = fields.text("blameless", item);
            }
            if (pattern.isEmpty()) {
                fields.error(item.line(), "vocabulary", "blameless: an entry has no `pattern`; it is left out");
                continue;
            }
            try {
                Pattern.compile(pattern.get(), Pattern.CASE_INSENSITIVE);
                out.add(new LintRule(pattern.get(), suggestion));
            } catch (PatternSyntaxException e) {
                fields.error(item.line(), "vocabulary", "blameless: '" + pattern.get()
                        + "' is not a valid regular expression: " + e.getDescription());
            }
        }
        return out;
    }
}
