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

    static Postmortem sample() {
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
                 Problem.Level level, double share, List<java.time.Duration> took) {
    }

    @Test
    void keepsOptionalsMapsInTheirOrderEnumsAndTimes() throws IOException {
        java.util.LinkedHashMap<String, List<Integer>> m = new java.util.LinkedHashMap<>();
        m.put("z", List.of(3, 1));
        m.put("a", List.of());
        Mixed x = new Mixed(Optional.of(LocalDate.of(2021, 3, 15)), Optional.of(Instant.parse("2021-03-15T13:05:00.123Z")),
                OptionalLong.empty(), m, Problem.Level.WARNING, 0.25,
                List.of(java.time.Duration.ofMinutes(232), java.time.Duration.ofSeconds(-5, 999_999_999), java.time.Duration.ZERO));
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
        KeyHash md = KeyHash.start();
        RecordCodec.digest(new Extra(Map.copyOf(other), java.util.Set.copyOf(other.keySet()), new byte[] {1, 2}), md);
        assertThat(md.digest()).isEqualTo(KeyHash.start().update(a).digest());
    }

    record Wide(String text, byte[] image, int i, long l, boolean flag, double share, Problem.Level level,
                LocalDate day, Instant at, java.util.OptionalInt oi, OptionalLong ol, Optional<String> note,
                List<String> list, Map<String, Integer> counts) {
    }

    private static Wide wide(String text, byte[] image) {
        java.util.LinkedHashMap<String, Integer> counts = new java.util.LinkedHashMap<>();
        counts.put("\uDC00late", -7);
        counts.put("early", Integer.MAX_VALUE);
        return new Wide(text, image, -3, Long.MIN_VALUE, true, -0.5, Problem.Level.ERROR, LocalDate.of(1969, 12, 31),
                Instant.parse("2024-02-29T23:59:59.999999999Z"), java.util.OptionalInt.of(42), OptionalLong.empty(),
                Optional.of("n\u00e9"), List.of("", "\uD83D\uDE00"), counts);
    }

    /**
     * Writes a string the first time as the codec does: a flag, its length, and one byte a unit when every unit is
     * below U+0100, or its UTF-16 units otherwise. (A short one written again is a reference: {@link #repeated}.)
     */
    private static void string(java.io.DataOutputStream out, String s) throws IOException {
        boolean narrow = s.chars().allMatch(c -> c <= 0xFF);
        out.writeBoolean(narrow);
        out.writeInt(s.length());
        if (narrow) {
            out.writeBytes(s);
        } else {
            out.writeChars(s);
        }
    }

    /** The bytes written for {@link #wide}, spelled out with a DataOutputStream: the format of a cache entry. */
    private static byte[] dataOutput(Wide w) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            string(out, w.text());
            out.writeInt(w.image().length);
            out.write(w.image());
            out.writeInt(-3);
            out.writeLong(Long.MIN_VALUE);
            out.writeBoolean(true);
            out.writeDouble(-0.5);
            out.writeInt(Problem.Level.ERROR.ordinal());
            out.writeLong(-1);
            out.writeLong(w.at().getEpochSecond());
            out.writeInt(999_999_999);
            out.writeBoolean(true);
            out.writeInt(42);
            out.writeBoolean(false);
            out.writeBoolean(true);
            string(out, "n\u00e9");
            out.writeInt(2);
            string(out, "");
            string(out, "\uD83D\uDE00");
            out.writeInt(2);
            string(out, "\uDC00late");
            out.writeInt(-7);
            string(out, "early");
            out.writeInt(Integer.MAX_VALUE);
        }
        return bytes.toByteArray();
    }

    @Test
    void theBytesAreTheDocumentedFormatAndLongStringsSurviveTheirPieces() throws IOException {
        StringBuilder text = new StringBuilder("a".repeat(30_001));
        // Surrogate pairs and lone halves at and around the places a long string is copied in pieces.
        for (int at : new int[] {0, 4095, 8191, 12_000, 16_383}) {
            text.setCharAt(at, '\uD83D');
            text.setCharAt(at + 1, '\uDE00');
        }
        text.setCharAt(4094, '\uDC01');
        text.setCharAt(30_000, '\uD800');
        byte[] image = new byte[70_001];
        new java.util.Random(7).nextBytes(image);
        Wide w = wide(text.toString(), image);
        byte[] expected = dataOutput(w);
        assertThat(RecordCodec.encode(w)).isEqualTo(expected);
        KeyHash md = KeyHash.start();
        RecordCodec.digest(w, md);
        assertThat(md.digest()).isEqualTo(KeyHash.start().update(expected).digest());
        Wide back = RecordCodec.decode(expected, Wide.class);
        assertThat(back.text()).isEqualTo(w.text());
        assertThat(back.image()).isEqualTo(image);
        assertThat(back).usingRecursiveComparison().isEqualTo(w);
        assertThat(back.counts().keySet()).containsExactly("\uDC00late", "early");

        // A long string of one-byte units, crossing the in-memory parts and the digest's buffer.
        StringBuilder narrow = new StringBuilder();
        for (int i = 0; i < 70_003; i++) {
            narrow.append((char) (32 + i % 224));
        }
        Wide n = wide(narrow.toString(), new byte[0]);
        byte[] narrowBytes = dataOutput(n);
        assertThat(RecordCodec.encode(n)).isEqualTo(narrowBytes);
        KeyHash nd = KeyHash.start();
        RecordCodec.digest(n, nd);
        assertThat(nd.digest()).isEqualTo(KeyHash.start().update(narrowBytes).digest());
        assertThat(RecordCodec.decode(narrowBytes, Wide.class).text()).isEqualTo(narrow.toString());

        // One unit past U+00FF after more than a chunk of one-byte units makes the whole string two bytes a unit.
        for (int at : new int[] {4095, 4096, 9000}) {
            Wide late = wide("a".repeat(at) + '\u0100' + "b".repeat(3), new byte[0]);
            byte[] lateBytes = dataOutput(late);
            assertThat(RecordCodec.encode(late)).as("a wide unit at %d", at).isEqualTo(lateBytes);
            KeyHash ld = KeyHash.start();
            RecordCodec.digest(late, ld);
            assertThat(ld.digest()).isEqualTo(KeyHash.start().update(lateBytes).digest());
        }
    }

    @Test
    void bytesCutAnywhereAreAnIoError() {
        byte[] bytes = RecordCodec.encode(wide("t\uD800x", new byte[] {9, 8}));
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] part = Arrays.copyOf(bytes, cut);
            assertThatThrownBy(() -> RecordCodec.decode(part, Wide.class)).as("cut at %d", cut).isInstanceOf(IOException.class);
        }
    }

    record Tagged(Problem.Level level, String name, List<Integer> sizes) {
    }

    @Test
    void foreignNumbersAreAnIoErrorNotAValue() throws IOException {
        byte[] bytes = RecordCodec.encode(new Tagged(Problem.Level.INFO, "ab", List.of(1)));
        assertThat(RecordCodec.decode(bytes, Tagged.class)).isEqualTo(new Tagged(Problem.Level.INFO, "ab", List.of(1)));
        for (int[] change : new int[][] {{0, 99}, {0, -1}, {5, -1}, {5, 3}, {5, 1 << 30}, {11, -2}, {11, 5}}) {
            byte[] foreign = bytes.clone();
            java.nio.ByteBuffer.wrap(foreign).putInt(change[0], change[1]);
            assertThatThrownBy(() -> RecordCodec.decode(foreign, Tagged.class)).as("%d at %d", change[1], change[0])
                    .isInstanceOf(IOException.class);
        }
    }

    record Lists(List<String> slugs, Map<String, List<String>> near, String body) {
    }

    @Test
    void aRepeatedShortStringIsWrittenOnceAndReadBackAsOneInstance() throws IOException {
        String slug = "2024-03-22-push-relay-alert-routed-to-the-wrong-team";
        String other = "2022-11-04-push-relay-" + "x".repeat(ByteSink.SHORT - 22);
        String longer = "y" + other;
        assertThat(other).hasSize(ByteSink.SHORT);
        Lists x = new Lists(List.of(slug, other, longer, slug), Map.of(other, List.of(slug, longer)), longer);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeInt(4);
            string(out, slug);
            string(out, other);
            string(out, longer);
            repeated(out, 0);
            out.writeInt(1);
            repeated(out, 1);
            out.writeInt(2);
            repeated(out, 0);
            string(out, longer);
            string(out, longer);
        }
        byte[] encoded = RecordCodec.encode(x);
        assertThat(encoded).isEqualTo(bytes.toByteArray());
        Lists back = RecordCodec.decode(encoded, Lists.class);
        assertThat(back).isEqualTo(x);
        assertThat(back.slugs().get(3)).isSameAs(back.slugs().get(0));
        assertThat(back.near().get(other).get(0)).isSameAs(back.slugs().get(0));
        assertThat(back.near().keySet().iterator().next()).isSameAs(back.slugs().get(1));
        assertThat(back.body()).isNotSameAs(back.slugs().get(2));
    }

    @Test
    void aReferenceToAStringNotReadYetIsAnIoError() throws IOException {
        for (int to : new int[] {1, 2, -1, Integer.MAX_VALUE}) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
                out.writeInt(2);
                string(out, "a");
                repeated(out, to);
                out.writeInt(0);
                string(out, "b");
            }
            assertThatThrownBy(() -> RecordCodec.decode(bytes.toByteArray(), Lists.class)).as("to %d", to)
                    .isInstanceOf(IOException.class).hasMessageContaining("reference");
        }
        byte[] flag = RecordCodec.encode(new Lists(List.of("a"), Map.of(), "b"));
        flag[4] = 7;
        assertThatThrownBy(() -> RecordCodec.decode(flag, Lists.class)).isInstanceOf(IOException.class)
                .hasMessageContaining("flag");
    }

    /** Writes a reference to the short string first written as the given one, as the codec does. */
    private static void repeated(java.io.DataOutputStream out, int first) throws IOException {
        out.writeByte(2);
        out.writeInt(first);
    }

    @Test
    void aRecordClassIsLookedAtOnce() {
        assertThat(RecordShape.of(Postmortem.class)).isSameAs(RecordShape.of(Postmortem.class));
    }
}
