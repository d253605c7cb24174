package dev.hindsight.model;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Writes the typed model to bytes and reads it back, for the build cache.
 *
 * <p>It reads the declared types of record components, so it needs no annotations and follows every new field of
 * the model by itself: records (through their canonical constructors, so their checks run again), enums, strings,
 * primitives and their boxes, byte arrays, {@link LocalDate}, {@link Instant}, {@link Optional}, {@link OptionalInt},
 * {@link OptionalLong}, lists, sets and maps (in their iteration order, but for the immutable sets and maps of
 * {@code Map.copyOf} and the like, whose order changes with every JVM start: those are written sorted, so one model
 * always gives the same bytes). A type outside that list is a programming
 * error ({@link IllegalArgumentException} on writing); bytes that do not decode are reported as an {@link IOException}.
 *
 * <p>The bytes are big-endian numbers, as {@link java.io.DataOutputStream} writes them; strings as a flag, their
 * length and their units, one byte each when all are below U+0100, else UTF-16 (lossless, lone surrogates included);
 * collections as their size and elements. How each declared type
 * is written is worked out once per record class ({@link RecordShape}, {@link CodecPart}); bytes are written to and
 * read from arrays in bulk ({@link ByteSink}, {@link ByteSource}).
 */
public final class RecordCodec {
    private RecordCodec() {
    }

    /** Returns the bytes of a record. */
    public static byte[] encode(Record value) {
        Validate.notNull(value, "value");
        ByteSink out = ByteSink.inMemory();
        RecordShape.of(value.getClass()).write(out, value);
        return out.toByteArray();
    }

    /** Feeds a record's bytes, as {@link #encode} would make them, into a digest without holding them. */
    public static void digest(Record value, KeyHash md) {
        Validate.notNull(value, "value");
        ByteSink out = ByteSink.into(md);
        RecordShape.of(value.getClass()).write(out, value);
        out.flush();
    }

    /** Returns the {@link KeyHash} of a record's bytes (as {@link #encode} would make them), as hex. */
    public static String hash(Record value) {
        KeyHash md = KeyHash.start();
        digest(value, md);
        return md.hex();
    }

    /** Reads a record of a type back from bytes made by {@link #encode}. */
    public static <T extends Record> T decode(byte[] bytes, Class<T> type) throws IOException {
        try {
            ByteSource in = new ByteSource(bytes);
            T value = type.cast(RecordShape.of(type).read(in));
            if (in.remaining() != 0) {
                throw new IOException("trailing bytes after a " + type.getSimpleName());
            }
            return value;
        } catch (RuntimeException e) {
            throw new IOException("not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
