package dev.hindsight.report;

import dev.hindsight.analyze.Analysis;
import dev.hindsight.index.SearchIndex;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteWriter;
import dev.hindsight.render.SiteRenderer;

import java.util.List;

/**
 * Builds the recurring-causes report pages, charts and downloads. (Stub.)
 */
public final class ReportBuilder {

    /** Writes /reports/ and one report per year, plus /reports/all/. */
    public List<Problem> build(Site site, Analysis analysis, SearchIndex index, SiteRenderer renderer, SiteWriter out) {
        return List.of();
    }
}
