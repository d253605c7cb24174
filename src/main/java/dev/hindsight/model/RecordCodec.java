package dev.hindsight.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

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
 */
public final class RecordCodec {
    private RecordCodec() {
    }

    /** Returns the bytes of a record. */
    public static byte[] encode(Record value) {
        Validate.notNull(value, "value");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, value, value.getClass());
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** Feeds a record's bytes, as {@link #encode} would make them, into a digest without holding them. */
    public static void digest(Record value, java.security.MessageDigest md) {
        Validate.notNull(value, "value");
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(
                new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), md), 1 << 16))) {
            write(out, value, value.getClass());
        } catch (IOException e) {
            throw new UncheckedIOException("digesting cannot fail", e);
        }
    }

    /** Reads a record of a type back from bytes made by {@link #encode}. */
    public static <T extends Record> T decode(byte[] bytes, Class<T> type) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            T value = type.cast(read(in, type));
            if (in.available() != 0) {
                throw new IOException("trailing bytes after a " + type.getSimpleName());
            }
            return value;
        } catch (RuntimeException e) {
            throw new IOException("not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static void write(DataOutputStream out, Object v, Type type) throws IOException {
        Class<?> raw = raw(type);
        if (raw == String.class) {
            // As UTF-16 units: lossless, lone surrogates included (hostile input keeps what it had).
            out.writeInt(((String) v).length());
            out.writeChars((String) v);
        } else if (raw == int.class || raw == Integer.class) {
            out.writeInt((Integer) v);
        } else if (raw == long.class || raw == Long.class) {
            out.writeLong((Long) v);
        } else if (raw == boolean.class || raw == Boolean.class) {
            out.writeBoolean((Boolean) v);
        } else if (raw == double.class || raw == Double.class) {
            out.writeDouble((Double) v);
        } else if (raw == byte[].class) {
            out.writeInt(((byte[]) v).length);
            out.write((byte[]) v);
        } else if (raw.isEnum()) {
            out.writeInt(((Enum<?>) v).ordinal());
        } else if (raw == LocalDate.class) {
            out.writeLong(((LocalDate) v).toEpochDay());
        } else if (raw == Instant.class) {
            out.writeLong(((Instant) v).getEpochSecond());
            out.writeInt(((Instant) v).getNano());
        } else if (raw == Optional.class) {
            Optional<?> o = (Optional<?>) v;
            out.writeBoolean(o.isPresent());
            if (o.isPresent()) {
                write(out, o.get(), arg(type, 0));
            }
        } else if (raw == OptionalLong.class) {
            out.writeBoolean(((OptionalLong) v).isPresent());
            if (((OptionalLong) v).isPresent()) {
                out.writeLong(((OptionalLong) v).getAsLong());
            }
        } else if (raw == OptionalInt.class) {
            out.writeBoolean(((OptionalInt) v).isPresent());
            if (((OptionalInt) v).isPresent()) {
                out.writeInt(((OptionalInt) v).getAsInt());
            }
        } else if (raw == List.class || raw == Set.class) {
            java.util.Collection<?> c = (java.util.Collection<?>) v;
            out.writeInt(c.size());
            for (Object e : unordered(c) ? c.stream().sorted(java.util.Comparator.comparing(String::valueOf)).toList() : c) {
                write(out, e, arg(type, 0));
            }
        } else if (raw == Map.class) {
            Map<?, ?> m = (Map<?, ?>) v;
            out.writeInt(m.size());
            List<? extends Map.Entry<?, ?>> entries = unordered(m)
                    ? m.entrySet().stream().sorted(java.util.Comparator.comparing(e -> String.valueOf(e.getKey()))).toList()
                    : List.copyOf(m.entrySet());
            for (Map.Entry<?, ?> e : entries) {
                write(out, e.getKey(), arg(type, 0));
                write(out, e.getValue(), arg(type, 1));
            }
        } else if (raw.isRecord()) {
            for (RecordComponent c : raw.getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    write(out, c.getAccessor().invoke(v), c.getGenericType());
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalArgumentException("cannot read " + raw.getName() + "." + c.getName(), e);
                }
            }
        } else {
            throw new IllegalArgumentException("the build cache cannot hold a " + type.getTypeName());
        }
    }

    private static Object read(DataInputStream in, Type type) throws IOException {
        Class<?> raw = raw(type);
        if (raw == String.class) {
            int n = size(in);
            char[] chars = new char[n];
            for (int i = 0; i < n; i++) {
                chars[i] = in.readChar();
            }
            return new String(chars);
        } else if (raw == int.class || raw == Integer.class) {
            return in.readInt();
        } else if (raw == long.class || raw == Long.class) {
            return in.readLong();
        } else if (raw == boolean.class || raw == Boolean.class) {
            return in.readBoolean();
        } else if (raw == double.class || raw == Double.class) {
            return in.readDouble();
        } else if (raw == byte[].class) {
            byte[] b = new byte[size(in)];
            in.readFully(b);
            return b;
        } else if (raw.isEnum()) {
            return raw.getEnumConstants()[in.readInt()];
        } else if (raw == LocalDate.class) {
            return LocalDate.ofEpochDay(in.readLong());
        } else if (raw == Instant.class) {
            return Instant.ofEpochSecond(in.readLong(), in.readInt());
        } else if (raw == Optional.class) {
            return in.readBoolean() ? Optional.of(read(in, arg(type, 0))) : Optional.empty();
        } else if (raw == OptionalLong.class) {
            return in.readBoolean() ? OptionalLong.of(in.readLong()) : OptionalLong.empty();
        } else if (raw == OptionalInt.class) {
            return in.readBoolean() ? OptionalInt.of(in.readInt()) : OptionalInt.empty();
        } else if (raw == List.class || raw == Set.class) {
            int n = size(in);
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(read(in, arg(type, 0)));
            }
            return raw == List.class ? Collections.unmodifiableList(list) : Collections.unmodifiableSet(new LinkedHashSet<>(list));
        } else if (raw == Map.class) {
            int n = size(in);
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                map.put(read(in, arg(type, 0)), read(in, arg(type, 1)));
            }
            return Collections.unmodifiableMap(map);
        } else if (raw.isRecord()) {
            RecordComponent[] parts = raw.getRecordComponents();
            Object[] args = new Object[parts.length];
            Class<?>[] types = new Class<?>[parts.length];
            for (int i = 0; i < parts.length; i++) {
                args[i] = read(in, parts[i].getGenericType());
                types[i] = parts[i].getType();
            }
            try {
                Constructor<?> c = raw.getDeclaredConstructor(types);
                c.setAccessible(true);
                return c.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IOException("cannot make a " + raw.getSimpleName() + ": " + e.getMessage(), e);
            }
        }
        throw new IOException("the build cache cannot hold a " + type.getTypeName());
    }

    private static int size(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("a size of " + n + " is past the end of the entry");
        }
        return n;
    }

    /**
     * Returns true for the collections of {@code Map.of}, {@code Set.copyOf} and the like, whose iteration order
     * changes with every JVM start: they are written sorted, so the same model always gives the same bytes.
     */
    private static boolean unordered(Object collection) {
        return collection.getClass().getName().startsWith("java.util.ImmutableCollections")
                && (collection instanceof Map<?, ?> || collection instanceof Set<?>);
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalArgumentException("the build cache cannot hold a " + type.getTypeName());
    }

    private static Type arg(Type type, int i) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[i];
        }
        throw new IllegalArgumentException("a raw " + type.getTypeName() + " has no element type");
    }
}
