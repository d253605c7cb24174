package dev.hindsight.config;

import dev.hindsight.model.ActionType;
import dev.hindsight.model.LabelledLink;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Result;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Term;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SiteConfigLoaderTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    @TempDir
    Path dir;

    private Result<SiteConfig> load(String yaml) throws IOException {
        Path content = dir.resolve("kb");
        Files.createDirectories(content);
        Files.writeString(content.resolve("site.yml"), yaml);
        return new SiteConfigLoader().load(content, TODAY);
    }

    @Test
    void aMissingFileGivesDefaultsNamedAfterTheFolder() throws IOException {
        Path content = Files.createDirectories(dir.resolve("dfds-postmortems"));
        Result<SiteConfig> r = new SiteConfigLoader().load(content, TODAY);
        SiteConfig c = r.value();
        assertThat(c.title()).isEqualTo("dfds-postmortems");
        assertThat(c.baseUrl()).isEqualTo("/");
        assertThat(c.language()).isEqualTo("en");
        assertThat(c.zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(c.severities()).isEmpty();
        assertThat(c.services()).isEmpty();
        assertThat(c.slo(ActionType.PREVENT)).contains(56);
        assertThat(c.slo(ActionType.MITIGATE)).contains(56);
        assertThat(c.slo(ActionType.DETECT)).isEmpty();
        assertThat(c.today()).isEqualTo(TODAY);
        assertThat(r.hasErrors()).isFalse();
    }

    @Test
    void readsEverySetting() throws IOException {
        Result<SiteConfig> r = load("""
                title: Larder incidents
                description: Every incident.
                base_url: https://kb.example.org/incidents
                language: en-GB
                timezone: Europe/Copenhagen
                action_item_slo:
                  prevent: 30
                  detect: 84
                severities:
                  - id: SEV1
                    label: Critical
                    description: Everything is down.
                  - SEV2
                causes: [capacity, dns]
                services:
                  - id: checkout-api
                    label: Checkout API
                    team: payments
                teams:
                  - {id: payments, label: Payments}
                essential: [2024-01-23-dns]
                blameless:
                  - pattern: "human error"
                    suggestion: Describe the conditions.
                """);
        assertThat(r.problems()).isEmpty();
        SiteConfig c = r.value();
        assertThat(c.title()).isEqualTo("Larder incidents");
        assertThat(c.baseUrl()).isEqualTo("https://kb.example.org/incidents/");
        assertThat(c.language()).isEqualTo("en-GB");
        assertThat(c.zone()).isEqualTo(ZoneId.of("Europe/Copenhagen"));
        assertThat(c.slo(ActionType.PREVENT)).contains(30);
        assertThat(c.slo(ActionType.MITIGATE)).contains(56);
        assertThat(c.slo(ActionType.DETECT)).contains(84);
        assertThat(c.severities()).containsExactly(new Term("SEV1", "Critical", "Everything is down.", Optional.empty()),
                new Term("SEV2", "SEV2", "", Optional.empty()));
        assertThat(c.causes()).extracting(Term::id).containsExactly("capacity", "dns");
        assertThat(c.services().get(0).team()).contains("payments");
        assertThat(c.teams().get(0).label()).isEqualTo("Payments");
        assertThat(c.essential()).containsExactly("2024-01-23-dns");
        assertThat(c.blameless()).hasSize(1);
    }

    @Test
    void searchSynonymsAreReadAndAMalformedLineIsAnErrorWithItsLine() throws IOException {
        Result<SiteConfig> r = load("""
                title: T
                search:
                  synonyms:
                    - "pgb, pgbouncer"
                    - "sev1, major incident"
                    - "lonely"
                    - "a, , b"
                    - "oom => out of memory"
                """);
        assertThat(r.value().synonyms()).extracting(g -> g.phrases())
                .containsExactly(java.util.List.of("pgb", "pgbouncer"), java.util.List.of("sev1", "major incident"));
        assertThat(r.problems()).filteredOn(Problem::isError).extracting(Problem::line).containsExactly(6, 7, 8);
        assertThat(r.problems()).filteredOn(Problem::isError).extracting(Problem::message)
                .anyMatch(m -> m.contains("needs at least two different phrases"))
                .anyMatch(m -> m.contains("empty phrase"))
                .anyMatch(m -> m.contains("=>"));
    }

    @Test
    void theProjectsOwnSiteFileLoadsWithoutErrors() {
        Path content = Path.of(System.getProperty("hindsight.project.dir", ".")).resolve("content");
        Result<SiteConfig> r = new SiteConfigLoader().load(content, TODAY);
        assertThat(r.problems()).filteredOn(p -> p.level() != Problem.Level.INFO).isEmpty();
        assertThat(r.value().severities()).isNotEmpty();
        assertThat(r.value().baseUrl()).endsWith("/");
    }

    @Test
    void badYamlIsAProblemWithALineNotAnException() throws IOException {
        Result<SiteConfig> r = load("""
                title: ok
                severities:
                  - id: SEV1
                   label: broken indentation
                """);
        assertThat(r.value().title()).isEqualTo("kb");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.path()).isEqualTo("site.yml");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.rule()).isEqualTo("yaml-syntax");
        });
    }

    @Test
    void wrongTypesNameTheKeyAndLineAndKeepTheDefault() throws IOException {
        Result<SiteConfig> r = load("""
                title: [not, text]
                timezone: Mars/Olympus
                severities: SEV1
                action_item_slo:
                  prevent: soon
                  lunch: 3
                language: 42!
                """);
        assertThat(r.value().title()).isEqualTo("kb");
        assertThat(r.value().zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(r.value().slo(ActionType.PREVENT)).contains(56);
        assertThat(r.problems()).extracting(Problem::line).contains(1, 2, 3, 5, 6, 7);
        assertThat(r.problems()).filteredOn(p -> p.line() == 1).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("`title`").contains("a list"));
        assertThat(r.problems()).filteredOn(p -> p.line() == 2).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("Mars/Olympus"));
    }

    @Test
    void unknownKeysAreInfoAndDuplicateKeysAreErrors() throws IOException {
        Result<SiteConfig> r = load("""
                title: One
                colour: blue
                title: Two
                """);
        assertThat(r.value().title()).isEqualTo("One");
        assertThat(r.problems()).filteredOn(p -> p.line() == 2).singleElement()
                .satisfies(p -> assertThat(p.level()).isEqualTo(Problem.Level.INFO));
        assertThat(r.problems()).filteredOn(p -> p.line() == 3).singleElement()
                .satisfies(p -> assertThat(p.rule()).isEqualTo("yaml-duplicate-key"));
    }

    @Test
    void vocabularyEntriesNeedIdsAndUniqueIds() throws IOException {
        Result<SiteConfig> r = load("""
                teams:
                  - label: No id here
                  - id: payments
                  - id: payments
                blameless:
                  - pattern: "(unclosed"
                """);
        assertThat(r.value().teams()).extracting(Term::id).containsExactly("payments");
        assertThat(r.value().blameless()).isEmpty();
        assertThat(r.problems()).filteredOn(Problem::isError).extracting(Problem::line).containsExactly(2, 4, 6);
    }

    @Test
    void aTermsLinksAreReadInOrderAndOneThatIsNoUrlIsAWarningAtItsLine() throws IOException {
        Result<SiteConfig> r = load("""
                services:
                  - id: checkout
                    team: payments
                    links:
                      runbook: https://runbooks.example.com/checkout
                      on-call: HTTPS://pager.example.com/s/PAY
                      handbook: /handbook/checkout/
                      chat: slack://channel?id=C1
                      wiki: //wiki.example.com/checkout
                      dashboard: grafana.example.com/d/1
                      spaced: https://x.example.com/a b
                  - id: search
                    links: https://runbooks.example.com/search
                  - id: ledger
                    links:
                """);
        Term checkout = r.value().services().get(0);
        assertThat(checkout.links()).extracting(LabelledLink::name, LabelledLink::url).containsExactly(
                tuple("runbook", "https://runbooks.example.com/checkout"), tuple("on-call", "HTTPS://pager.example.com/s/PAY"),
                tuple("handbook", "/handbook/checkout/"));
        assertThat(checkout.team()).contains("payments");
        assertThat(r.problems()).filteredOn(p -> p.rule().equals("config")).extracting(Problem::line, Problem::isError)
                .containsExactly(tuple(8, false), tuple(9, false), tuple(10, false), tuple(11, false));
        assertThat(r.problems()).filteredOn(p -> p.rule().equals("wrong-type")).extracting(Problem::line).containsExactly(13);
        assertThat(r.value().services()).extracting(t -> t.links().size()).containsExactly(3, 0, 0);
    }

    @Test
    void aListAtTheTopIsAnError() throws IOException {
        Result<SiteConfig> r = load("- a\n- b\n");
        assertThat(r.hasErrors()).isTrue();
        assertThat(r.value().title()).isEqualTo("kb");
    }

    @Test
    void aRelativeBaseUrlIsKeptWithAWarning() throws IOException {
        Result<SiteConfig> r = load("base_url: kb.example.org\n");
        assertThat(r.value().baseUrl()).isEqualTo("kb.example.org/");
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.level()).isEqualTo(Problem.Level.WARNING));
    }
}
