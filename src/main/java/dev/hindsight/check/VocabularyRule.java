package dev.hindsight.check;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Term;

import java.util.ArrayList;
import java.util.List;

/**
 * Errors for severities, causes, services and teams that site.yml does not list, each with a "did you mean".
 * A vocabulary that site.yml leaves empty accepts any id.
 */
final class VocabularyRule {
    private VocabularyRule() {
    }

    /** Returns the unknown ids of a document. */
    static List<Problem> check(Document doc, SiteConfig cfg) {
        Postmortem p = doc.postmortem();
        List<Problem> out = new ArrayList<>();
        p.severity().ifPresent(s -> unknown(doc, "severity", s, cfg.severities(), "severities",
                CheckRule.UNKNOWN_SEVERITY, out));
        for (String c : p.causes()) {
            unknown(doc, "causes", c, cfg.causes(), "causes", CheckRule.UNKNOWN_CAUSE, out);
        }
        for (String s : p.services()) {
            unknown(doc, "services", s, cfg.services(), "services", CheckRule.UNKNOWN_SERVICE, out);
        }
        for (String t : p.teams()) {
            unknown(doc, "teams", t, cfg.teams(), "teams", CheckRule.UNKNOWN_TEAM, out);
        }
        return out;
    }

    private static void unknown(Document doc, String key, String id, List<Term> vocabulary, String setting,
                                CheckRule rule, List<Problem> out) {
        if (vocabulary.isEmpty() || vocabulary.stream().anyMatch(t -> t.id().equals(id))) {
            return;
        }
        String noun = setting.equals("severities") ? "severity" : setting.substring(0, setting.length() - 1);
        out.add(doc.problem(rule, doc.source().value(key, id), "unknown " + noun + " `" + id + "`"
                + Suggestions.hint(id, vocabulary, setting)));
    }
}
