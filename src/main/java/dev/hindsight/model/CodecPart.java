package dev.hindsight.model;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * How {@link RecordCodec} writes and reads the values of one declared type, worked out once from the type.
 */
interface CodecPart {
    /** Writes a value of the type. */
    void write(ByteSink out, Object value);

    /** Reads a value of the type back. */
    Object read(ByteSource in) throws IOException;

    /** Returns the part for a declared type; one the cache cannot hold fails only when a value of it comes by. */
    static CodecPart of(Type type) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType()
                : type instanceof Class<?> c ? c : Object.class;
        if (raw == String.class) {
            return ScalarPart.STRING;
        } else if (raw == int.class || raw == Integer.class) {
            return ScalarPart.INT;
        } else if (raw == long.class || raw == Long.class) {
            return ScalarPart.LONG;
        } else if (raw == boolean.class || raw == Boolean.class) {
            return ScalarPart.BOOLEAN;
        } else if (raw == double.class || raw == Double.class) {
            return ScalarPart.DOUBLE;
        } else if (raw == byte[].class) {
            return ScalarPart.BYTES;
        } else if (raw.isEnum()) {
            return new EnumPart(raw.getEnumConstants());
        } else if (raw == LocalDate.class) {
            return ScalarPart.LOCAL_DATE;
        } else if (raw == Instant.class) {
            return ScalarPart.INSTANT;
        } else if (raw == java.time.Duration.class) {
            return ScalarPart.DURATION;
        } else if (raw == OptionalLong.class) {
            return ScalarPart.OPTIONAL_LONG;
        } else if (raw == OptionalInt.class) {
            return ScalarPart.OPTIONAL_INT;
        } else if (raw.isRecord()) {
            return new RecordPart(raw);
        } else if (type instanceof ParameterizedType p && raw == Optional.class) {
            return new OptionalPart(of(p.getActualTypeArguments()[0]));
        } else if (type instanceof ParameterizedType p && (raw == List.class || raw == Set.class)) {
            return new CollectionPart(of(p.getActualTypeArguments()[0]), raw == Set.class);
        } else if (type instanceof ParameterizedType p && raw == Map.class) {
            return new MapPart(of(p.getActualTypeArguments()[0]), of(p.getActualTypeArguments()[1]));
        }
        return new Unsupported(type.getTypeName());
    }

    /**
     * Returns true for the collections of {@code Map.of}, {@code Set.copyOf} and the like, whose iteration order
     * changes with every JVM start: they are written sorted, so the same model always gives the same bytes.
     */
    private static boolean unordered(Object collection) {
        return collection.getClass().getName().startsWith("java.util.ImmutableCollections")
                && (collection instanceof Map<?, ?> || collection instanceof Set<?>);
    }

    /** An enum, as its ordinal. */
    record EnumPart(Object[] constants) implements CodecPart {
        @Override
        public void write(ByteSink out, Object value) {
            out.writeInt(((Enum<?>) value).ordinal());
        }

        @Override
        public Object read(ByteSource in) throws IOException {
            int i = in.readInt();
            if (i < 0 || i >= constants.length) {
                throw new IOException("no constant " + i + " in " + constants.getClass().getComponentType().getSimpleName());
            }
            return constants[i];
        }
    }

    /** A record, component by component (see {@link RecordShape}). */
    record RecordPart(Class<?> type) implements CodecPart {
        @Override
        public void write(ByteSink out, Object value) {
            RecordShape.of(type).write(out, value);
        }

        @Override
        public Object read(ByteSource in) throws IOException {
            return RecordShape.of(type).read(in);
        }
    }

    /** An {@link Optional}, as a flag and the value when there is one. */
    record OptionalPart(CodecPart element) implements CodecPart {
        @Override
        public void write(ByteSink out, Object value) {
            Optional<?> o = (Optional<?>) value;
            out.writeBoolean(o.isPresent());
            o.ifPresent(v -> element.write(out, v));
        }

        @Override
        public Object read(ByteSource in) throws IOException {
            return in.readBoolean() ? Optional.of(element.read(in)) : Optional.empty();
        }
    }

    /** A list or set, as its size and its elements in order. */
    record CollectionPart(CodecPart element, boolean set) implements CodecPart {
        @Override
        public void write(ByteSink out, Object value) {
            Collection<?> c = (Collection<?>) value;
            out.writeInt(c.size());
            for (Object e : unordered(c) ? c.stream().sorted(Comparator.comparing(String::valueOf)).toList() : c) {
                element.write(out, e);
            }
        }

        @Override
        public Object read(ByteSource in) throws IOException {
            int n = in.readSize();
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(element.read(in));
            }
            return set ? Collections.unmodifiableSet(new LinkedHashSet<>(list)) : Collections.unmodifiableList(list);
        }
    }

    /** A map, as its size and its keys and values in order. */
    record MapPart(CodecPart key, CodecPart value) implements CodecPart {
        @Override
        public void write(ByteSink out, Object v) {
            Map<?, ?> m = (Map<?, ?>) v;
            out.writeInt(m.size());
            Collection<? extends Map.Entry<?, ?>> entries = unordered(m)
                    ? m.entrySet().stream().sorted(Comparator.comparing(e -> String.valueOf(e.getKey()))).toList()
                    : m.entrySet();
            for (Map.Entry<?, ?> e : entries) {
                key.write(out, e.getKey());
                value.write(out, e.getValue());
            }
        }

        @Override
        public Object read(ByteSource in) throws IOException {
            int n = in.readSize();
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                map.put(key.read(in), value.read(in));
            }
            return Collections.unmodifiableMap(map);
        }
    }

    /** A type the cache cannot hold: writing one is a programming error, reading one means foreign bytes. */
    record Unsupported(String typeName) implements CodecPart {
        @Override
        public void write(ByteSink out, Object value) {
            throw new IllegalArgumentException("the build cache cannot hold a " + typeName);
        }

        @Override
        public Object read(ByteSource in) throws IOException {
            throw new IOException("the build cache cannot hold a " + typeName);
        }
    }
}
