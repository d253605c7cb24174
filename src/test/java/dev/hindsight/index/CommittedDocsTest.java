package dev.hindsight.index;

import dev.hindsight.model.Postmortem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommittedDocsTest {
    @Test
    void readsBackEveryDocumentsSlugAndDigestWhateverTheSlugHolds() {
        List<Postmortem> docs = List.of(
                Incidents.pm("12:34-colon", "Colon", "SEV2", "s", "b", "capacity", "api", "pool"),
                Incidents.pm("plain", "Plain", "SEV2", "s", "b", "capacity", "api", "pool"),
                Incidents.pm("ünï-çødé 3", "Unicode", "SEV2", "s", "b", "capacity", "api", "pool"));
        List<String> digests = List.of("a".repeat(64), "", "9:9");
        String entry = CommittedDocs.entry(docs, digests);
        assertThat(CommittedDocs.of(Map.of(CommittedDocs.KEY, entry)).orElseThrow().bySlug())
                .isEqualTo(Map.of("12:34-colon", "a".repeat(64), "plain", "", "ünï-çødé 3", "9:9"));
    }

    @Test
    void anEntryThatIsMissingOrDoesNotReadGivesNone() {
        assertThat(CommittedDocs.of(Map.of())).isEmpty();
        for (String bad : List.of("5:ab", "x:abc", "3:abc", "-1:", "3:abc4:")) {
            assertThat(CommittedDocs.of(Map.of(CommittedDocs.KEY, bad))).as(bad).isEmpty();
        }
        assertThat(CommittedDocs.of(Map.of(CommittedDocs.KEY, ""))).contains(new CommittedDocs(Map.of()));
    }
}
