package dev.hindsight.model;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.BiConsumer;

/** How {@link RecordCodec} writes and reads a type that holds no other declared types: a writer and a reader. */
record ScalarPart<T>(Class<T> type, BiConsumer<ByteSink, T> writer, Reader<T> reader) implements CodecPart {
    static final ScalarPart<String> STRING = new ScalarPart<>(String.class, ByteSink::writeString, ByteSource::readString);
    static final ScalarPart<Integer> INT = new ScalarPart<>(Integer.class, ByteSink::writeInt, ByteSource::readInt);
    static final ScalarPart<Long> LONG = new ScalarPart<>(Long.class, ByteSink::writeLong, ByteSource::readLong);
    static final ScalarPart<Boolean> BOOLEAN = new ScalarPart<>(Boolean.class, ByteSink::writeBoolean, ByteSource::readBoolean);
    static final ScalarPart<Double> DOUBLE = new ScalarPart<>(Double.class, ByteSink::writeDouble, ByteSource::readDouble);
    static final ScalarPart<byte[]> BYTES = new ScalarPart<>(byte[].class, ByteSink::writeBytes, ByteSource::readBytes);
    static final ScalarPart<LocalDate> LOCAL_DATE = new ScalarPart<>(LocalDate.class,
            (out, v) -> out.writeLong(v.toEpochDay()), in -> LocalDate.ofEpochDay(in.readLong()));
    static final ScalarPart<Instant> INSTANT = new ScalarPart<>(Instant.class, (out, v) -> {
        out.writeLong(v.getEpochSecond());
        out.writeInt(v.getNano());
    }, in -> Instant.ofEpochSecond(in.readLong(), in.readInt()));
    static final ScalarPart<Duration> DURATION = new ScalarPart<>(Duration.class, (out, v) -> {
        out.writeLong(v.getSeconds());
        out.writeInt(v.getNano());
    }, in -> Duration.ofSeconds(in.readLong(), in.readInt()));
    static final ScalarPart<OptionalLong> OPTIONAL_LONG = new ScalarPart<>(OptionalLong.class, (out, v) -> {
        out.writeBoolean(v.isPresent());
        v.ifPresent(out::writeLong);
    }, in -> in.readBoolean() ? OptionalLong.of(in.readLong()) : OptionalLong.empty());
    static final ScalarPart<OptionalInt> OPTIONAL_INT = new ScalarPart<>(OptionalInt.class, (out, v) -> {
        out.writeBoolean(v.isPresent());
        v.ifPresent(out::writeInt);
    }, in -> in.readBoolean() ? OptionalInt.of(in.readInt()) : OptionalInt.empty());

    /** Reads a value of a scalar type. */
    interface Reader<T> {
        /** Reads a value from the bytes. */
        T read(ByteSource in) throws IOException;
    }

    @Override
    public void write(ByteSink out, Object value) {
        writer.accept(out, type.cast(value));
    }

    @Override
    public Object read(ByteSource in) throws IOException {
        return reader.read(in);
    }
}
