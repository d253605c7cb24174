package dev.hindsight.check;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.SectionKind;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Status;
import dev.hindsight.model.Term;

import java.util.ArrayList;
import java.util.List;

/**
 * Warnings for an incomplete write-up: missing template sections (one warning per file, naming them all, so a
 * narrative postmortem is not buried in seven warnings) and a published incident with no cause categories.
 * Front matter counts as the section where it carries the same facts: {@code summary}, {@code action_items},
 * a parsed timeline, lessons.
 */
final class SectionRule {
    /** The sections every postmortem should have, in template order. */
    static final List<SectionKind> EXPECTED = List.of(SectionKind.SUMMARY, SectionKind.IMPACT, SectionKind.TIMELINE,
            SectionKind.ROOT_CAUSE, SectionKind.RESOLUTION, SectionKind.ACTION_ITEMS, SectionKind.LESSONS);

    private SectionRule() {
    }

    /** Returns the section and cause warnings of a document. */
    static List<Problem> check(Document doc, SiteConfig cfg) {
        List<Problem> out = new ArrayList<>();
        Postmortem p = doc.postmortem();
        List<String> missing = new ArrayList<>();
        for (SectionKind kind : EXPECTED) {
            if (!has(p, kind)) {
                missing.add(kind.label());
            }
        }
        if (!missing.isEmpty()) {
            // Line 1 when the text is known, so a pull-request annotation shows on the file itself.
            Position pos = doc.source().known() ? Position.line(1) : Position.FILE;
            out.add(doc.problem(CheckRule.MISSING_SECTION, pos, (missing.size() == 1 ? "missing section: "
                    : "missing sections: ") + String.join(", ", missing)
                    + " (add the heading; write \"None\" when there is nothing to say)"));
        }
        if (p.status() == Status.PUBLISHED && p.causes().isEmpty()) {
            String known = cfg.causes().isEmpty() ? "" : " (site.yml lists: "
                    + String.join(", ", cfg.causes().stream().map(Term::id).limit(8).toList())
                    + (cfg.causes().size() > 8 ? ", ..." : "") + ")";
            out.add(doc.problem(CheckRule.NO_CAUSES, doc.source().key("causes").or(doc.source().key("status")),
                    "published incident has no `causes`; add the contributing-factor categories" + known));
        }
        return out;
    }

    private static boolean has(Postmortem p, SectionKind kind) {
        if (p.section(kind).isPresent()) {
            return true;
        }
        return switch (kind) {
            case SUMMARY -> p.summary().isPresent();
            case TIMELINE -> !p.timeline().isEmpty();
            case ACTION_ITEMS -> !p.actionItems().isEmpty();
            case LESSONS -> !p.lessons().isEmpty();
            default -> false;
        };
    }
}
