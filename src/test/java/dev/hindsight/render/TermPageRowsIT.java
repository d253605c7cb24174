package dev.hindsight.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A busy term's page lists its newest incidents and links the rest in the all-incidents table, narrowed to it; a
 * year's page and a quiet term's page list every incident.
 */
class TermPageRowsIT {
    @TempDir
    static Path dir;
    static Path out;

    @BeforeAll
    static void build() throws IOException {
        out = BusyTermSite.build(dir);
    }

    private static Document page(String path) throws IOException {
        return Jsoup.parse(Files.readString(out.resolve(path)));
    }

    @Test
    void aBusyTermListsItsNewestIncidentsAndLinksTheFilteredIncidentList() throws IOException {
        for (String[] term : List.of(new String[] {"services/checkout/", "services=checkout"},
                new String[] {"tags/db/", "tags=db"})) {
            Document d = page(term[0] + "index.html");
            List<Element> rows = d.select("#incident-table tbody tr");
            assertThat(rows).as(term[0]).hasSize(ListPages.TERM_ROWS);
            assertThat(d.select("h1 .count").text()).as("the heading counts them all").isEqualTo(String.valueOf(BusyTermSite.BUSY));
            // Newest first: the busy incidents are numbered by day, so the newest is the last one written.
            assertThat(rows.get(0).select("a").text()).isEqualTo("Checkout pool exhausted, case " + (BusyTermSite.BUSY - 1));
            assertThat(rows.get(rows.size() - 1).select("a").text())
                    .isEqualTo("Checkout pool exhausted, case " + (BusyTermSite.BUSY - ListPages.TERM_ROWS));
            Element more = d.selectFirst(".more-incidents a");
            assertThat(more).as(term[0]).isNotNull();
            assertThat(more.attr("href")).isEqualTo("../../incidents/index.html?" + term[1]);
            assertThat(more.text()).contains(String.valueOf(BusyTermSite.BUSY));
        }
        // Severities and causes, shared by every incident, are cut the same way.
        assertThat(page("severities/sev2/index.html").select("#incident-table tbody tr")).hasSize(ListPages.TERM_ROWS);
        assertThat(page("causes/capacity/index.html").select("#incident-table tbody tr")).hasSize(ListPages.TERM_ROWS);
    }

    @Test
    void aYearAndAQuietTermListEveryIncidentWithoutALink() throws IOException {
        Document year = page("years/2024/index.html");
        assertThat(year.select("#incident-table tbody tr")).hasSize(BusyTermSite.BUSY + BusyTermSite.QUIET);
        assertThat(year.select(".more-incidents")).isEmpty();
        Document quiet = page("services/ledger/index.html");
        assertThat(quiet.select("#incident-table tbody tr")).hasSize(BusyTermSite.QUIET);
        assertThat(quiet.select(".more-incidents")).isEmpty();
    }

    @Test
    void theIncidentListCanBeNarrowedByTagSoTheTagLinkHasAFilterToOpen() throws IOException {
        Document d = page("incidents/index.html");
        Element tags = d.selectFirst("select[name=tags]");
        assertThat(tags).isNotNull();
        assertThat(tags.attr("data-attr")).isEqualTo("tags");
        assertThat(tags.select("option").eachAttr("value")).contains("db", "quiet");
        assertThat(d.select("tr[data-tags*=|db|]")).hasSize(BusyTermSite.BUSY);
        assertThat(d.select("tr[data-tags*=|quiet|]")).hasSize(BusyTermSite.QUIET);
    }
}
