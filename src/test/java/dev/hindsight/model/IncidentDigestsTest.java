package dev.hindsight.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentDigestsTest {

    private static Postmortem incident(String slug) {
        return RecordCodecTest.sample().withSlug(slug);
    }

    @Test
    void eachIncidentsDigestIsItsRecordsAsTheCacheKeysItAndAnUnlistedOneIsDigestedOnItsOwn() {
        Postmortem a = incident("2025-01-01-a");
        Postmortem b = incident("2025-01-02-b");
        IncidentDigests digests = IncidentDigests.of(List.of(a, b));
        assertThat(digests.of(a)).isEqualTo(RecordCodec.hash(a)).isNotEqualTo(digests.of(b));
        assertThat(digests.of(b)).isEqualTo(RecordCodec.hash(b));
        Postmortem other = incident("2025-01-03-c");
        assertThat(digests.of(other)).as("not in the build's list").isEqualTo(RecordCodec.hash(other));
        assertThat(digests.of(incident("2025-01-01-a"))).as("an equal record, another instance").isEqualTo(digests.of(a));
    }
}
