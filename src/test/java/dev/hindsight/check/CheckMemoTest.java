package dev.hindsight.check;

import dev.hindsight.model.CacheFolder;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.hindsight.check.Incidents.config;
import static dev.hindsight.check.Incidents.incident;
import static org.assertj.core.api.Assertions.assertThat;

class CheckMemoTest {
    @TempDir
    Path dir;


    /** Four incidents: one with problems of several rules, one that names another as the incident it recurs. */
    private static List<Postmortem> incidents() {
        return List.of(
                incident("a").causes("capacty").summary("John forgot to raise the pool limit, a human error.").build(),
                incident("b").date(LocalDate.of(2024, 1, 5)).build(),
                incident("c").date(LocalDate.of(2024, 2, 5)).recurrenceOf("b").build(),
                incident("d").related("zzz").build());
    }

    private static Site site(SiteConfig config, List<Postmortem> incidents) {
        return new Site(config, incidents, List.of(), List.of());
    }

    /** Returns each incident's source text: its title and its summary, where the language rules read it. */
    private static Map<String, String> texts(List<Postmortem> incidents) {
        Map<String, String> out = new java.util.HashMap<>();
        incidents.forEach(p -> out.put(p.source(), "---\ntitle: " + p.title() + "\n---\n\n## Summary\n\n"
                + p.summary().orElse("") + "\n"));
        return out;
    }

    /** Checks a site as a build does: a new cache folder on the same directory each time. */
    private SiteChecker.Run warm(Site site) {
        return new SiteChecker(SourceLookup.of(texts(site.postmortems())))
                .withCache(CacheFolder.in(dir.resolve("check"), "stamp")).run(site);
    }

    private static List<Problem> cold(Site site) {
        return new SiteChecker(SourceLookup.of(texts(site.postmortems()))).check(site);
    }

    private static List<Problem> findings(SiteChecker.Run run) {
        return run.problems().stream().filter(p -> !p.rule().equals("cache")).toList();
    }

    @Test
    void settingsHoldEverySiteConfigComponentButTheKeyAliases() {
        List<String> config = new ArrayList<>(Arrays.stream(SiteConfig.class.getRecordComponents()).map(c -> c.getName()).toList());
        config.remove("keyAliases");
        assertThat(Arrays.stream(CheckMemo.Settings.class.getRecordComponents()).map(c -> c.getName()).toList())
                .isEqualTo(config);
    }

    @Test
    void aSecondCheckRunsNoRuleAndFindsTheSame() {
        Site site = site(config(), incidents());
        SiteChecker.Run first = warm(site);
        assertThat(first.checked()).isEqualTo(4);
        assertThat(first.problems()).isEqualTo(cold(site)).extracting(Problem::rule)
                .contains("unknown-cause", "blameless-language", "unknown-incident");
        SiteChecker.Run second = warm(site);
        assertThat(second.checked()).isZero();
        assertThat(second.problems()).isEqualTo(first.problems());
    }

    @Test
    void anEditedIncidentAloneIsCheckedAgain() {
        warm(site(config(), incidents()));
        List<Postmortem> edited = new ArrayList<>(incidents());
        edited.set(3, incident("d").related("zzz").summary("Priya forgot the flag.").build());
        Site site = site(config(), edited);
        SiteChecker.Run run = warm(site);
        assertThat(run.checked()).isEqualTo(1);
        assertThat(run.problems()).isEqualTo(cold(site))
                .anyMatch(p -> p.path().equals(edited.get(3).source()) && p.rule().equals("blameless-language"));
    }

    @Test
    void anIncidentIsCheckedAgainWhenWhatItRecursMovesAfterIt() {
        warm(site(config(), incidents()));
        List<Postmortem> moved = new ArrayList<>(incidents());
        moved.set(1, incident("b").date(LocalDate.of(2024, 3, 5)).build());
        Site site = site(config(), moved);
        SiteChecker.Run run = warm(site);
        assertThat(run.checked()).isEqualTo(2);
        assertThat(run.problems()).isEqualTo(cold(site)).extracting(Problem::rule).contains("recurrence-order");
    }

    @Test
    void anAddedIncidentChecksItselfAndTheIncidentsThatAskedAboutItsSlug() {
        warm(site(config(), incidents()));
        List<Postmortem> more = new ArrayList<>(incidents());
        more.add(incident("zzz").build());
        Site added = site(config(), more);
        SiteChecker.Run run = warm(added);
        // "d" names `zzz` in related: its reference now resolves. The others asked nothing about that slug.
        assertThat(run.checked()).isEqualTo(2);
        assertThat(run.problems()).isEqualTo(cold(added)).noneMatch(p -> p.rule().equals("unknown-incident"));

        SiteChecker.Run again = warm(site(config(), incidents()));
        assertThat(again.checked()).isEqualTo(1);
        assertThat(again.problems()).isEqualTo(cold(site(config(), incidents())))
                .anyMatch(p -> p.rule().equals("unknown-incident"));
    }

    @Test
    void anotherDayChecksEveryIncident() {
        warm(site(config(), incidents()));
        SiteConfig c = config();
        Site later = site(new SiteConfig(c.title(), c.description(), c.baseUrl(), c.language(), c.zone(), c.severities(),
                c.causes(), c.services(), c.teams(), c.actionItemSlo(), c.essential(), c.blameless(),
                c.today().plusYears(1), c.synonyms(), c.keyAliases()), incidents());
        SiteChecker.Run run = warm(later);
        assertThat(run.checked()).isEqualTo(4);
        assertThat(run.problems()).isEqualTo(cold(later));
    }

    @Test
    void anIncidentWhoseLinkTargetIsRenamedIsCheckedAgain() {
        Postmortem linking = incident("e").body("<p>See <a href=\"/incidents/b/\">b</a>.</p>", "See b.").build();
        List<Postmortem> before = new ArrayList<>(incidents());
        before.add(linking);
        warm(site(config(), before));
        List<Postmortem> renamed = new ArrayList<>(before);
        renamed.set(1, incident("b2").date(LocalDate.of(2024, 1, 5)).build());
        Site site = site(config(), renamed);
        SiteChecker.Run run = warm(site);
        // The renamed incident, the one that recurs it (its reference now fails), the one that links to it, and the
        // one whose unknown reference asked for the nearest slug among them all; not the one that asked nothing.
        assertThat(run.checked()).isEqualTo(4);
        assertThat(run.problems()).isEqualTo(cold(site)).anyMatch(p -> p.path().equals(linking.source())
                && p.rule().equals("broken-link"));
    }

    @Test
    void aDamagedEntryChecksEveryIncidentAndFindsTheSame() throws IOException {
        Site site = site(config(), incidents());
        warm(site);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("STAMP")).toList()) {
                byte[] b = Files.readAllBytes(f);
                b[b.length - 1] ^= 1;
                Files.write(f, b);
            }
        }
        SiteChecker.Run run = warm(site);
        assertThat(run.checked()).isEqualTo(4);
        assertThat(findings(run)).isEqualTo(cold(site));
        assertThat(warm(site).checked()).isZero();
    }
}
