package dev.hindsight.report;

import dev.hindsight.analyze.Analysis;
import dev.hindsight.analyze.Analyzer;
import dev.hindsight.config.SiteConfigLoader;
import dev.hindsight.index.SearchIndex;
import dev.hindsight.index.SearchIndexer;
import dev.hindsight.load.ContentLoader;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;

class TmpBenchTest {
    @Test
    void bench() {
        Path content = Path.of(System.getProperty("hindsight.project.dir")).resolve("bench/out/corpus-10k");
        SiteConfig cfg = new SiteConfigLoader().load(content, LocalDate.of(2026, 1, 1)).value();
        long t0 = System.nanoTime();
        Site site = new ContentLoader().load(content, cfg, false).value();
        Analysis a = new Analyzer().analyze(site);
        SearchIndex idx = new SearchIndexer().index(site, a, Path.of("/tmp/b10k-cache"), (p, b) -> { }).value();
        long t1 = System.nanoTime();
        System.out.println("load+analyze+index ms " + (t1 - t0) / 1_000_000);
        for (int round = 0; round < 2; round++) {
            long s = System.nanoTime();
            ReportFactory f = new ReportFactory(site, a, idx);
            long bytes = 0;
            java.util.List<ReportScope> scopes = new java.util.ArrayList<>();
            f.years().forEach(y -> scopes.add(ReportScope.of(y)));
            scopes.add(ReportScope.all());
            for (ReportScope sc : scopes) {
                long q = System.nanoTime();
                ReportFacts facts = f.facts(sc);
                long q1 = System.nanoTime();
                Report r = f.report(facts);
                long q2 = System.nanoTime();
                String md = MarkdownReport.of(r);
                String js = ReportJson.report(r);
                java.util.List<String> sizes = new java.util.ArrayList<>();
                for (Table t : r.tables()) {
                    long n = CsvTable.of(t).length() + ReportJson.table(r, t).length();
                    bytes += n;
                    sizes.add(String.format("%09d %s rows=%d", n, t.id(), t.rows().size()));
                }
                if (round == 1) {
                    sizes.stream().sorted(java.util.Comparator.reverseOrder()).limit(6).forEach(x -> System.out.println("   ms " + x));
                }
                long q3 = System.nanoTime();
                bytes += md.length() + js.length();
                System.out.println(sc.id() + " facts " + (q1 - q) / 1_000_000 + " present " + (q2 - q1) / 1_000_000 + " write " + (q3 - q2) / 1_000_000 + " md " + md.length());
            }
            System.out.println("round " + round + " total ms " + (System.nanoTime() - s) / 1_000_000 + " bytes " + bytes);
        }
    }
}
