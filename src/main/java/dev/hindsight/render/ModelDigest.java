package dev.hindsight.render;

import dev.hindsight.model.KeyHash;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hash ({@link KeyHash}) of a page's complete view model: everything its template can read.
 *
 * <p>Two models with the same digest render to the same bytes through the same templates, so a page is rendered only
 * when its digest changes; this is exact by construction, where tracking what a template reads through macros and
 * globals would leak. Values are strings, numbers, booleans, enums, java.time values, optionals, records (by their
 * components), collections and maps, each in its iteration order (the order the template sees). Any other type makes
 * the model undigestible, and the page is simply rendered. Parts that many pages carry are digested once per instance
 * (view models are immutable): large collections, and the values declared {@linkplain #share shared}, such as the
 * card of every incident and the site's navigation.
 */
final class ModelDigest {
    /** Collections and maps at least this large are digested once per instance. */
    private static final int MEMO_SIZE = 256;
    private final Map<Object, byte[]> memo = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Map<Class<?>, Method[]> accessors = new ConcurrentHashMap<>();
    /**
     * The bytes a type's name is digested as ({@link #text} of it), by type: a record's, a number's or an enum's name
     * goes into the digest with every value, and feeding it unit by unit was a fifth of digesting a report.
     */
    private final Map<Class<?>, byte[]> names = new ConcurrentHashMap<>();
    /**
     * The values declared shared, by instance, each with its digest once made: filled before pages are digested, then
     * only read (by every rendering thread at once, without a lock: an incident card is read some twenty times a page).
     */
    private final Map<Object, Slot> shared = new IdentityHashMap<>();

    /** Where a shared value's digest is kept once a page has needed it. */
    private static final class Slot {
        /** The digest, or null until made; two threads may both make it, and they make the same bytes. */
        private volatile byte[] digest;
    }

    /**
     * Declares values that many pages' models hold as the same instances, each then digested once, when a page first
     * holds it (the preview's first page after an edit holds a few of its thousand cards); call before {@link #of}.
     */
    void share(Collection<?> values) {
        for (Object v : values) {
            if (v != null) {
                shared.putIfAbsent(v, new Slot());
            }
        }
    }

    /**
     * Makes the digest of every shared value not made yet, on every core: a whole site's pages hold nearly all of
     * them, and made up front they are not made twice by two pages at once. One that cannot be digested is left to
     * the page that holds it, which then cannot be digested either.
     */
    void makeAll() {
        shared.entrySet().parallelStream().filter(e -> e.getValue().digest == null).forEach(e -> {
            try {
                sharedDigest(e.getKey(), e.getValue());
            } catch (Undigestible u) {
                // Found again, and reported as an undigestible model, by the page that holds it.
            }
        });
    }

    /** Returns a shared value's digest, made the first time it is asked for. */
    private byte[] sharedDigest(Object v, Slot slot) {
        byte[] known = slot.digest;
        if (known == null) {
            Feed inner = new Feed();
            compound(inner, v);
            known = inner.digest();
            slot.digest = known;
        }
        return known;
    }

    /** Returns the digest of a template's model as hex, or empty when the model holds a type that cannot be digested. */
    Optional<String> of(String template, Map<String, Object> model) {
        Feed md = new Feed();
        try {
            text(md, template);
            value(md, model);
        } catch (Undigestible e) {
            return Optional.empty();
        }
        return Optional.of(HexFormat.of().formatHex(md.digest()));
    }

    /** Returns an empty running digest of values, each digested as a model's values are. */
    Values values() {
        return new Values();
    }

    /** The digest of a sequence of values, in the order added. */
    final class Values {
        private final Feed md = new Feed();
        private boolean undigestible;

        /** Adds a value. */
        void add(Object value) {
            if (!undigestible) {
                try {
                    value(md, value);
                } catch (Undigestible e) {
                    undigestible = true;
                }
            }
        }

        /** Returns the digest of the values added, or empty when one could not be digested; call once. */
        Optional<byte[]> digest() {
            return undigestible ? Optional.empty() : Optional.of(md.digest());
        }
    }

    private void value(Feed md, Object v) {
        if (v == null) {
            md.update((byte) 0);
        } else if (v instanceof CharSequence s) {
            md.update((byte) 1);
            text(md, s.toString());
        } else if (v instanceof Number || v instanceof Boolean || v instanceof Character
                || v instanceof TemporalAccessor || v instanceof TemporalAmount || v instanceof java.time.ZoneId) {
            md.update((byte) 2);
            typeName(md, v.getClass());
            text(md, v.toString());
        } else if (v instanceof Enum<?> e) {
            md.update((byte) 3);
            typeName(md, e.getDeclaringClass());
            text(md, e.name());
        } else if (v instanceof Optional<?> o) {
            md.update((byte) 4);
            value(md, o.orElse(null));
        } else if (shared.containsKey(v)) {
            byte[] d = sharedDigest(v, shared.get(v));
            md.update((byte) 8);
            md.update(d);
        } else if (size(v) >= MEMO_SIZE) {
            byte[] known = memo.get(v);
            if (known == null) {
                Feed inner = new Feed();
                compound(inner, v);
                known = inner.digest();
                memo.put(v, known);
            }
            md.update((byte) 8);
            md.update(known);
        } else {
            compound(md, v);
        }
    }

    private static int size(Object v) {
        return v instanceof Collection<?> c ? c.size() : v instanceof Map<?, ?> m ? m.size() : 0;
    }

    /** Digests a collection, map or record by its parts. */
    private void compound(Feed md, Object v) {
        if (v instanceof Collection<?> c) {
            md.update((byte) 5);
            count(md, c.size());
            c.forEach(e -> value(md, e));
        } else if (v instanceof Map<?, ?> m) {
            md.update((byte) 6);
            count(md, m.size());
            m.forEach((k, x) -> {
                value(md, k);
                value(md, x);
            });
        } else if (v.getClass().isRecord()) {
            record(md, v);
        } else {
            throw new Undigestible();
        }
    }

    private void record(Feed md, Object r) {
        md.update((byte) 7);
        typeName(md, r.getClass());
        for (Method m : accessors.computeIfAbsent(r.getClass(), ModelDigest::accessorsOf)) {
            try {
                value(md, m.invoke(r));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new Undigestible();
            }
        }
    }

    /** Digests a type's name as {@link #text} does, from bytes made once per type (a name too long for them aside). */
    private void typeName(Feed md, Class<?> type) {
        byte[] known = names.get(type);
        if (known == null) {
            String name = type.getName();
            if (4 + 3L * name.length() > Feed.SIZE) {
                text(md, name);
                return;
            }
            Feed f = new Feed();
            text(f, name);
            known = f.held();
            names.put(type, known);
        }
        md.update(known);
    }

    private static Method[] accessorsOf(Class<?> type) {
        RecordComponent[] parts = type.getRecordComponents();
        Method[] out = new Method[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parts[i].getAccessor();
            out[i].setAccessible(true);
        }
        return out;
    }

    /** Digests a string as its length and its units (lossless, and no array the size of the string). */
    private static void text(Feed md, String s) {
        count(md, s.length());
        md.units(s);
    }

    private static void count(Feed md, int n) {
        md.update((byte) (n >>> 24));
        md.update((byte) (n >>> 16));
        md.update((byte) (n >>> 8));
        md.update((byte) n);
    }

    /**
     * A hash being fed through a buffer: a model is mostly tags, counts and short strings, and the digest's
     * per-call cost was most of the work when each was handed over on its own.
     */
    private static final class Feed {
        private static final int SIZE = 8192;
        /** A new feed's buffer: most feeds digest a record of a few hundred bytes, so the buffer grows as needed. */
        private static final int FIRST = 256;
        private final KeyHash md = KeyHash.start();
        private static final int CHUNK = 1024;
        private byte[] buffer = new byte[FIRST];
        private char[] chars = new char[0];
        private int used;

        void update(byte b) {
            if (used == buffer.length) {
                room(1);
            }
            buffer[used++] = b;
        }

        void update(byte[] b) {
            if (b.length > SIZE) {
                flush();
                md.update(b);
                return;
            }
            room(b.length);
            System.arraycopy(b, 0, buffer, used, b.length);
            used += b.length;
        }

        /** Makes room for n more bytes (at most {@link #SIZE}): grows the buffer up to that size, then digests it. */
        private void room(int n) {
            if (used + n <= buffer.length) {
                return;
            }
            if (buffer.length < SIZE) {
                buffer = java.util.Arrays.copyOf(buffer, Math.min(SIZE, Math.max(2 * buffer.length, used + n)));
            }
            if (used + n > buffer.length) {
                flush();
            }
        }

        /** Returns the bytes fed and not yet digested: all of them, while fewer than {@link #SIZE} were fed. */
        byte[] held() {
            return java.util.Arrays.copyOf(buffer, used);
        }

        /**
         * Feeds a string's UTF-16 units: one byte for a unit below U+0080, else a 0x80 byte and the unit big-endian.
         * No unit's bytes begin another's, so two strings of one length feed the same bytes only if they are equal;
         * and the digest reads half the bytes for ASCII text, which is most of a page's.
         */
        void units(String s) {
            // Copied out a chunk at a time: reading an array is far cheaper than a call per unit, under the C1
            // compiler that builds run with.
            if (chars.length < Math.min(s.length(), CHUNK)) {
                chars = new char[Math.min(s.length(), CHUNK)];
            }
            for (int from = 0; from < s.length(); from += CHUNK) {
                int to = Math.min(s.length(), from + CHUNK);
                s.getChars(from, to, chars, 0);
                for (int i = 0; i < to - from; i++) {
                    if (used + 3 > buffer.length) {
                        room(3);
                    }
                    char c = chars[i];
                    if (c < 0x80) {
                        buffer[used++] = (byte) c;
                    } else {
                        buffer[used++] = (byte) 0x80;
                        buffer[used++] = (byte) (c >>> 8);
                        buffer[used++] = (byte) c;
                    }
                }
            }
        }

        private void flush() {
            md.update(buffer, 0, used);
            used = 0;
        }

        byte[] digest() {
            flush();
            return md.digest();
        }
    }

    /** A model value of a type whose content cannot be read as data. */
    private static final class Undigestible extends RuntimeException {
        Undigestible() {
            super(null, null, false, false);
        }
    }
}
