package dev.hindsight.model;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordCodecTest {

    private static Postmortem sample() {
        return PostmortemFixture.of("2024-03-11-pool").title("Pool \uD800 lone surrogate, \u2028 and </script>")
                .summary("Checkout failed.").causes("capacity").services("checkout-api", "orders-db").teams("payments")
                .tags("db").detection("alert").body("<p>x</p>", "x " + "long text ".repeat(20_000)).build();
    }

    @Test
    void anIncidentComesBackEqualToWhatWasWritten() throws IOException {
        Postmortem p = sample();
        Postmortem back = RecordCodec.decode(RecordCodec.encode(p), Postmortem.class);
        assertThat(back).isEqualTo(p);
        assertThat(back.title()).isEqualTo(p.title());
        assertThat(back.bodyText()).hasSize(p.bodyText().length());
    }

    record Mixed(Optional<LocalDate> day, Optional<Instant> at, OptionalLong n, Map<String, List<Integer>> m,
                 Problem.Level level, double share) {
    }

    @Test
    void keepsOptionalsMapsInTheirOrderEnumsAndTimes() throws IOException {
        java.util.LinkedHashMap<String, List<Integer>> m = new java.util.LinkedHashMap<>();
        m.put("z", List.of(3, 1));
        m.put("a", List.of());
        Mixed x = new Mixed(Optional.of(LocalDate.of(2021, 3, 15)), Optional.of(Instant.parse("2021-03-15T13:05:00.123Z")),
                OptionalLong.empty(), m, Problem.Level.WARNING, 0.25);
        Mixed back = RecordCodec.decode(RecordCodec.encode(x), Mixed.class);
        assertThat(back).isEqualTo(x);
        assertThat(back.m().keySet()).containsExactly("z", "a");
    }

    @Test
    void truncatedOrForeignBytesAreAnIoErrorNotAWrongIncident() {
        byte[] bytes = RecordCodec.encode(sample());
        for (int cut : new int[] {0, 1, 7, bytes.length / 2, bytes.length - 1}) {
            assertThatThrownBy(() -> RecordCodec.decode(Arrays.copyOf(bytes, cut), Postmortem.class)).as("cut at %d", cut)
                    .isInstanceOf(IOException.class);
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);
        assertThatThrownBy(() -> RecordCodec.decode(longer, Postmortem.class)).isInstanceOf(IOException.class);
    }

    record Opaque(Object thing) {
    }

    @Test
    void aTypeItCannotHoldIsRefusedOnWriting() {
        assertThatThrownBy(() -> RecordCodec.encode(new Opaque("x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Object");
    }

    record Extra(Map<String, String> extra, java.util.Set<String> tags, byte[] image) {
    }

    @Test
    void theSameModelGivesTheSameBytesWhateverOrderAnImmutableMapIteratesIn() throws IOException {
        java.util.LinkedHashMap<String, String> one = new java.util.LinkedHashMap<>();
        java.util.LinkedHashMap<String, String> other = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            one.put("k" + i, "v" + i);
            other.put("k" + (39 - i), "v" + (39 - i));
        }
        byte[] a = RecordCodec.encode(new Extra(Map.copyOf(one), java.util.Set.copyOf(one.keySet()), new byte[] {1, 2}));
        byte[] b = RecordCodec.encode(new Extra(Map.copyOf(other), java.util.Set.copyOf(other.keySet()), new byte[] {1, 2}));
        assertThat(a).isEqualTo(b);
        Extra back = RecordCodec.decode(a, Extra.class);
        assertThat(back.extra()).isEqualTo(one);
        assertThat(back.tags()).isEqualTo(one.keySet());
        assertThat(back.image()).containsExactly(1, 2);
        java.security.MessageDigest md = CacheFolder.sha256();
        RecordCodec.digest(new Extra(Map.copyOf(other), java.util.Set.copyOf(other.keySet()), new byte[] {1, 2}), md);
        assertThat(md.digest()).isEqualTo(CacheFolder.sha256().digest(a));
    }
}
