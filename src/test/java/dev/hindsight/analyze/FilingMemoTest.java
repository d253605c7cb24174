package dev.hindsight.analyze;

import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.ActionType;
import dev.hindsight.model.IncidentDigests;
import dev.hindsight.model.KeyAliases;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.PostmortemFixture;
import dev.hindsight.model.Section;
import dev.hindsight.model.SectionKind;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Term;
import dev.hindsight.model.TimelineEvent;

import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FilingMemo} keeps the recurrence chains and the taxonomies while every incident is filed as before, by a list
 * of fields kept by hand. This test does not trust that list: for every field of an incident, one at a time, it gives
 * an incident another incident's value of that field, and compares the preview's analysis (with the memo of the
 * analysis before) with an analysis without a memo. A field the chains or the taxonomies read, and the list lacks,
 * fails here, whether it is a field added to {@link Postmortem} later or an old one that the chains start to read.
 * With any one of the list's checks removed (slug, date, severity, services, teams, tags, declared recurrences; causes
 * and categories together, as each stands for the other here), it fails (tried).
 */
class FilingMemoTest {

    /** A small site whose incidents differ in every field, with chains of causes, services and declared recurrences. */
    private static List<Postmortem> incidents() {
        return List.of(
                PostmortemFixture.of("2024-03-01-pool").title("Pool ran dry").authors("ana").severity("SEV1")
                        .causes("capacity").services("ledger-db").teams("storage").tags("pool", "db")
                        .date(LocalDate.of(2024, 3, 1)).times("2024-03-01T10:00:00Z", "2024-03-01T10:05:00Z", "2024-03-01T11:00:00Z")
                        .trigger("deploy").detection("alert").summary("The pool ran dry.")
                        .sections(new Section(SectionKind.ROOT_CAUSE, "Root cause", "root-cause", "The ledger pool was too small.", 4))
                        .item("Raise the pool", ActionType.PREVENT, "sre", "2024-04-01", ActionStatus.DONE, null)
                        .wentWell("Paging worked").body("Time to detection: 5 minutes. The ledger pool was too small.")
                        .timeline(new TimelineEvent("10:00", Optional.of(Instant.parse("2024-03-01T10:00:00Z")),
                                "Pool exhausted", "Pool exhausted", 9)).build(),
                // Dated later in the same year as the first: given its date, the first moves in its chains.
                PostmortemFixture.of("2024-09-01-pool-third").title("Pool, the third time").severity("SEV1")
                        .causes("capacity").services("ledger-db").teams("storage").tags("pool", "db", "third")
                        .date(LocalDate.of(2024, 9, 1)).build(),
                PostmortemFixture.of("2024-06-10-pool-again").title("Pool ran dry again").authors("bo").severity("SEV2")
                        .causes("capacity", "config-change").services("ledger-db", "edge").teams("storage", "edge-team")
                        .tags("pool").date(LocalDate.of(2024, 6, 10)).recurrenceOf("2024-03-01-pool").nearMiss()
                        .times("2024-06-10T08:00:00Z", "2024-06-10T08:30:00Z", "2024-06-10T09:00:00Z")
                        .sections(new Section(SectionKind.ROOT_CAUSE, "Root cause", "root-cause", "The edge proxy opened too many connections.", 6))
                        .item("Cap connections", ActionType.MITIGATE, "edge-team", "2024-07-01", ActionStatus.OPEN, null)
                        .lucky("It was a Sunday").related("2024-03-01-pool").notRecurrenceOf("2024-09-01-pool-third")
                        .causalService("edge").extra("ticket", "INC-7").resources("runbook.pdf")
                        .body("Time to recovery: 2 hours. The edge proxy opened too many connections.").build(),
                PostmortemFixture.of("2025-01-15-dns").title("Names did not resolve").severity("SEV3").causes("dns")
                        .services("edge").teams("edge-team").tags("dns", "edge").date(LocalDate.of(2025, 1, 15))
                        .essential().status(dev.hindsight.model.Status.DRAFT)
                        .item("Add a second resolver", ActionType.PREVENT, "net", "2025-02-01", ActionStatus.OPEN, null).build(),
                PostmortemFixture.of("2025-02-20-dns-again").title("Names failed again").severity("SEV2").causes("dns")
                        .services("edge").teams("edge-team").tags("dns").date(LocalDate.of(2025, 2, 20))
                        .recurrenceOf("2025-01-15-dns").build(),
                PostmortemFixture.of("undated-outage").title("An outage of unknown date").causes("config-change")
                        .services("billing").teams("payments").tags("billing").undated().build());
    }

    private static Site site(List<Postmortem> incidents) {
        List<Term> services = List.of(new Term("ledger-db", "Ledger", "", Optional.empty()),
                new Term("edge", "Edge proxy", "", Optional.empty()), new Term("billing", "Billing", "", Optional.empty()));
        return new Site(new SiteConfig("t", "", "/", "en", ZoneOffset.UTC, List.of(), List.of(), services, List.of(), Map.of(),
                List.of(), List.of(), LocalDate.of(2025, 12, 31), List.of(), KeyAliases.BUILT_IN), incidents,
                List.of(), List.of());
    }

    private static Analysis analyzed(FactMemo memo, Site site) {
        return new Analyzer(memo, IncidentDigests.of(site.postmortems())).analyze(site);
    }

    @Test
    void everyFieldThatMovesTheChainsOrTheTaxonomiesMakesThemAgain() throws Exception {
        List<Postmortem> base = incidents();
        List<String> tried = new ArrayList<>();
        for (RecordComponent part : Postmortem.class.getRecordComponents()) {
            for (RecordComponent field : part.getType().getRecordComponents()) {
                // Each incident in turn takes the next one's value of this field, where the two differ.
                for (int i = 0; i < base.size(); i++) {
                    Postmortem target = base.get(i);
                    Postmortem donor = base.get((i + 1) % base.size());
                    Object value = field.getAccessor().invoke(part.getAccessor().invoke(donor));
                    if (value.equals(field.getAccessor().invoke(part.getAccessor().invoke(target)))) {
                        continue;
                    }
                    List<Postmortem> edited = new ArrayList<>(base);
                    edited.set(i, with(target, part, field, value));
                    assertThat(edited.get(i)).as("the edit took").isNotEqualTo(target);
                    FactMemo memo = FactMemo.create();
                    analyzed(memo, site(base));
                    Analysis warm = analyzed(memo, site(edited));
                    assertThat(warm).as("incident %s given %s.%s of %s", target.slug(), part.getName(), field.getName(),
                            donor.slug()).isEqualTo(new Analyzer().analyze(site(edited)));
                    tried.add(part.getName() + "." + field.getName());
                }
            }
        }
        // The fixture must give every field at least one real change, or the test would pass by not trying.
        List<String> fields = Arrays.stream(Postmortem.class.getRecordComponents())
                .flatMap(p -> Arrays.stream(p.getType().getRecordComponents()).map(f -> p.getName() + "." + f.getName()))
                .toList();
        assertThat(tried).containsAll(fields.stream().filter(f -> !UNVARIED.contains(f)).toList());
    }

    /** Fields the fixture leaves alike on every incident (what the loader infers, and keys it does not know). */
    private static final List<String> UNVARIED = List.of("provenance.inferences", "occurrence.impact", "narrative.headings");

    /** Returns an incident with one field of one of its parts replaced. */
    private static Postmortem with(Postmortem p, RecordComponent part, RecordComponent field, Object value) throws Exception {
        RecordComponent[] all = Postmortem.class.getRecordComponents();
        Object[] parts = new Object[all.length];
        for (int i = 0; i < all.length; i++) {
            Object v = all[i].getAccessor().invoke(p);
            if (all[i].getName().equals(part.getName())) {
                RecordComponent[] fields = part.getType().getRecordComponents();
                Object[] args = new Object[fields.length];
                for (int j = 0; j < fields.length; j++) {
                    args[j] = fields[j].getName().equals(field.getName()) ? value : fields[j].getAccessor().invoke(v);
                }
                Class<?>[] types = Arrays.stream(fields).map(RecordComponent::getType).toArray(Class<?>[]::new);
                v = part.getType().getDeclaredConstructor(types).newInstance(args);
            }
            parts[i] = v;
        }
        Class<?>[] types = Arrays.stream(all).map(RecordComponent::getType).toArray(Class<?>[]::new);
        return Postmortem.class.getDeclaredConstructor(types).newInstance(parts);
    }
}
