package dev.hindsight.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2024-03-11-checkout-pool|2024-03-11-checkout-pool",
            "PM2021-008 - Kubernetes ingress controller Traefik v2|pm2021-008-kubernetes-ingress-controller-traefik-v2",
            "2024-02-28-decide is down|2024-02-28-decide-is-down",
            "Café Straße Ærø Łódź|cafe-strasse-aero-lodz",
            "事故 報告 2024|事故-報告-2024",
            "Сбой DNS|сбой-dns",
            "🔥 Fire 🔥 drill 🚒|fire-drill",
            "a..b/c\\\\d|a-b-c-d",
    })
    void makesReadableSlugs(String name, String slug) {
        assertThat(Slugs.of(name)).isEqualTo(slug);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "/etc/passwd", "..", ".hidden", "a/../../b", "C:\\Windows\\system32",
            "%2e%2e%2f", "...", "./", "\u0000nul"})
    void slugsNeverEscapeTheOutputFolder(String name) {
        String slug = Slugs.of(name);
        assertThat(slug).doesNotContain("/", "\\", "..", "\u0000").doesNotStartWith(".").isNotEmpty();
        assertThat(slug).matches("[\\p{L}\\p{N}-]+");
    }

    @Test
    void aNameWithoutLettersGetsAStableChecksumSlug() {
        assertThat(Slugs.of("🔥🔥🔥")).matches("incident-[0-9a-f]{8}").isEqualTo(Slugs.of("🔥🔥🔥"));
        assertThat(Slugs.of("🔥🔥🔥")).isNotEqualTo(Slugs.of("🚒🚒"));
    }

    @Test
    void aDateWithOnlyEmojiKeepsTheDateAndStaysUnique() {
        assertThat(Slugs.of("2024-03-02-🔥")).matches("2024-03-02-[0-9a-f]{8}").isNotEqualTo(Slugs.of("2024-03-02-🚒"));
        assertThat(Slugs.of("2024-03-02")).isEqualTo("2024-03-02");
        assertThat(Slugs.of("2024-03-02 - ")).isEqualTo("2024-03-02");
    }

    @Test
    void longNamesAreCutAtAWordBoundary() {
        String slug = Slugs.of("a very long title ".repeat(20));
        assertThat(slug.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH);
        assertThat(slug).startsWith("a-very-long-title").doesNotEndWith("-");
        assertThat(slug.split("-")).allMatch(w -> w.equals("a") || w.equals("very") || w.equals("long") || w.equals("title"));
    }

    @Test
    void longNamesInAstralScriptsAreNotCutInsideACharacter() {
        String slug = Slugs.of("𝒜".repeat(100));
        assertThat(slug.codePoints().allMatch(Character::isLetter)).isTrue();
    }

    @Test
    void reservedNamesAreKnown() {
        assertThat(Slugs.isReserved("incidents")).isTrue();
        assertThat(Slugs.isReserved("start-here")).isFalse();
        assertThat(Slugs.isSlug("start-here")).isTrue();
        assertThat(Slugs.isSlug("Start Here")).isFalse();
    }
}
