package dev.hindsight.model;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A folder of build outputs kept between builds, each under a key made of a build stamp and what it was made from.
 *
 * <p>The stamp holds what every entry depends on besides its own inputs (the generator's own build, the project's
 * templates and assets), and each stamp has its own subfolder, so an entry made under another stamp is never found;
 * the subfolder of the stamp used before the current one is kept too. An entry's file holds a magic word, the CRC-32C
 * of its bytes and its bytes, so a truncated or corrupt entry is noticed, reported as a note and made again. Entries
 * are written to a temporary file and moved into place, so two builds on one cache never see half an entry. After a
 * whole build, the entries it did not use are deleted. The cache never makes a build fail: whatever goes wrong with it,
 * the output is made again.
 *
 * <p>With a {@link CacheMemory} (the preview's), entries are kept in memory as well: read from memory first, from the
 * folder when memory lacks them, and written to both, so the folder stays current for the next process. Only the
 * first build of a memory walks the folder to sweep stale entries; later ones (one after each edit in the preview)
 * delete theirs by key, as the memory knows which entries the folder holds.
 */
public final class CacheFolder {
    /** Names the entry format: a magic word, then the CRC-32C of the bytes, then the bytes. */
    private static final byte[] MAGIC = {'H', 'P', 'C', '2'};
    private static final int HEADER = MAGIC.length + Integer.BYTES;
    /** The file that records the stamp the folder was last used under. */
    private static final String STAMP = "STAMP";
    /** How many characters of the stamp name its subfolder. */
    private static final int STAMP_DIR = 16;
    /** Part of a temporary file's name, so two processes writing one folder never pick the same name. */
    private static final long PID = ProcessHandle.current().pid();
    /** A subfolder whose full stamp is another (a prefix collision) is emptied before use. */
    private boolean wipe;

    private final Optional<Path> dir;
    private final Optional<CacheMemory.Tier> memory;
    /** True when the memory already held entries before this build, so the folder was swept by an earlier one. */
    private final boolean swept;
    private final String stamp;
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final List<Problem> notes = java.util.Collections.synchronizedList(new ArrayList<>());
    private final java.util.concurrent.atomic.AtomicInteger hits = new java.util.concurrent.atomic.AtomicInteger();
    private final MadeFolders folders = new MadeFolders();
    private final java.util.concurrent.atomic.AtomicLong temps = new java.util.concurrent.atomic.AtomicLong();

    private CacheFolder(Optional<Path> dir, Optional<CacheMemory.Tier> memory, String stamp) {
        this.dir = dir;
        this.memory = memory;
        this.swept = memory.map(m -> !m.entries().isEmpty() || !m.records().isEmpty()).orElse(false);
        this.stamp = stamp;
    }

    /** Returns a cache that keeps nothing. */
    public static CacheFolder none() {
        return new CacheFolder(Optional.empty(), Optional.empty(), "");
    }

    /** Returns a cache kept only in memory, under a name of its own, for builds with the given stamp. */
    public static CacheFolder memory(CacheMemory memory, String name, String stamp) {
        Validate.notBlank(stamp, "stamp");
        return memory.enabled() ? new CacheFolder(Optional.empty(), Optional.of(memory.folder(name)), stamp) : none();
    }

    /**
     * Returns a cache in a folder, for builds with the given stamp. Each stamp has its own subfolder, so two themes
     * tried in turn keep their entries side by side; a stamp with no subfolder yet (a new
     * build of Hindsight, another theme) gets a note that the build starts cold.
     */
    public static CacheFolder in(Path folder, String stamp) {
        return in(folder, stamp, CacheMemory.none());
    }

    /**
     * Returns a cache in a folder with a memory in front of it (see the class comment); with a memory that keeps
     * nothing it is {@link #in(Path, String)}.
     */
    public static CacheFolder in(Path folder, String stamp, CacheMemory memory) {
        Validate.notNull(folder, "folder");
        Validate.notBlank(stamp, "stamp");
        Path own = folder.resolve(stamp.substring(0, Math.min(STAMP_DIR, stamp.length())));
        Optional<CacheMemory.Tier> tier = memory.enabled()
                ? Optional.of(memory.folder(folder.getFileName().toString())) : Optional.empty();
        CacheFolder c = new CacheFolder(Optional.of(own), tier, stamp);
        try {
            Path file = own.resolve(STAMP);
            if (Files.isRegularFile(file) && !Files.readString(file).equals(stamp)) {
                c.wipe = true;
            }
            if (!Files.isDirectory(own) && Files.isDirectory(folder)) {
                try (Stream<Path> others = Files.list(folder)) {
                    if (others.anyMatch(Files::isDirectory)) {
                        c.notes.add(Problem.info(folder.toString(), 0, "cache", "the cache holds nothing yet for this "
                                + "build of Hindsight and theme; this build starts cold"));
                    }
                }
            }
        } catch (IOException e) {
            c.notes.add(Problem.info(own.toString(), 0, "cache", "could not read the cache's stamp: " + e.getMessage()));
        }
        return c;
    }

    /** Returns true when entries are kept (a cache folder was given). */
    public boolean enabled() {
        return dir.isPresent() || memory.isPresent();
    }

    /** Returns the key of an entry made from the given parts (a path and a digest of its inputs, say). */
    public String key(String... parts) {
        KeyHash md = KeyHash.start();
        md.update(stamp.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String part : parts) {
            byte[] b = part.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            md.update(new byte[] {0, (byte) (b.length >>> 24), (byte) (b.length >>> 16), (byte) (b.length >>> 8), (byte) b.length});
            md.update(b);
        }
        return md.hex();
    }

    /** Returns the entry stored under a key, or empty when there is none or it is damaged. */
    public Optional<byte[]> get(String key) {
        if (!enabled()) {
            return Optional.empty();
        }
        used.add(key);
        Optional<byte[]> held = memory.map(m -> m.entries().get(key));
        if (held.isPresent()) {
            hits.incrementAndGet();
            return held;
        }
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        Path file = file(key);
        try {
            Optional<byte[]> page = read(file);
            if (page.isEmpty()) {
                notes.add(Problem.info(file.toString(), 0, "cache", "a damaged cache entry was ignored and made again"));
                return Optional.empty();
            }
            hits.incrementAndGet();
            memory.ifPresent(m -> {
                m.entries().put(key, page.get());
                m.onDisk().add(key);
            });
            return page;
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            notes.add(Problem.info(file.toString(), 0, "cache", "could not read a cache entry (" + e.getMessage() + "); it was made again"));
            return Optional.empty();
        }
    }

    /**
     * Reads an entry's file in one pass, its header into one array and its bytes straight into their own, and returns
     * the bytes when the magic word and the checksum match them (empty when they do not: the entry is damaged).
     */
    private static Optional<byte[]> read(Path file) throws IOException {
        try (java.nio.channels.SeekableByteChannel in = Files.newByteChannel(file)) {
            long size = in.size();
            if (size < HEADER || size - HEADER > Integer.MAX_VALUE - 8) {
                return Optional.empty();
            }
            byte[] header = new byte[HEADER];
            byte[] page = new byte[(int) (size - HEADER)];
            if (!readFully(in, header) || !readFully(in, page)
                    || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                    || java.nio.ByteBuffer.wrap(header, MAGIC.length, Integer.BYTES).getInt() != checksum(page)) {
                return Optional.empty();
            }
            return Optional.of(page);
        }
    }

    /**
     * Returns the CRC-32C of an entry's bytes, which finds a truncated entry or flipped bits as RocksDB's block checks
     * do. A checksum only has to notice damage, and the JVM computes this one with one instruction per 8 bytes, under
     * C1 too (bin/hindsight runs builds with C1 alone).
     */
    private static int checksum(byte[] bytes) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    /** Fills an array from a channel; returns false when the channel ends first. */
    private static boolean readFully(java.nio.channels.ReadableByteChannel in, byte[] into) throws IOException {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(into);
        while (buf.hasRemaining()) {
            if (in.read(buf) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns an entry read back as a record of a type: the record this process wrote or read under the key before,
     * when its memory holds one (records are immutable, so builds can share one), else the entry's bytes decoded.
     * Empty when there is no entry or it does not read as one (then what it would have saved is made again).
     */
    public <T extends Record> Optional<T> getRecord(String key, Class<T> type) {
        Validate.notNull(type, "type");
        if (!enabled()) {
            return Optional.empty();
        }
        Optional<Record> held = memory.map(m -> m.records().get(key));
        if (held.isPresent() && type.isInstance(held.get())) {
            used.add(key);
            hits.incrementAndGet();
            return Optional.of(type.cast(held.get()));
        }
        Optional<byte[]> bytes = get(key);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            T value = RecordCodec.decode(bytes.get(), type);
            memory.ifPresent(m -> {
                m.records().put(key, value);
                m.entries().remove(key);
            });
            return Optional.of(value);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Stores a record under a key, as {@link #put} stores bytes, except that the memory keeps the record itself. */
    public void putRecord(String key, Record value) {
        Validate.notNull(value, "value");
        if (!enabled()) {
            return;
        }
        used.add(key);
        // The memory holds the record alone: its bytes are only for the folder (and the next process).
        memory.ifPresent(m -> {
            m.records().put(key, value);
            m.entries().remove(key);
        });
        store(key, RecordCodec.encode(value));
    }

    /**
     * Marks the entry under a key as used by this build without reading it, so {@link #collect} keeps it: for an
     * entry that an output taken whole from another entry was made with.
     */
    public void keep(String key) {
        if (enabled()) {
            used.add(key);
        }
    }

    /** Stores an entry under a key; a failure to store is a note, never an error. */
    public void put(String key, byte[] page) {
        if (!enabled()) {
            return;
        }
        used.add(key);
        memory.ifPresent(m -> {
            m.entries().put(key, page);
            m.records().remove(key);
        });
        store(key, page);
    }

    /** Writes an entry's bytes to the folder, when there is one; a failure is a note. */
    private void store(String key, byte[] page) {
        if (dir.isEmpty()) {
            return;
        }
        memory.ifPresent(m -> m.onDisk().add(key));
        Path file = file(key);
        try {
            folders.ensure(file.getParent());
            // One open: a name no other writer uses (this process, this folder's own count), made with CREATE_NEW.
            Path tmp = file.resolveSibling(key + "." + PID + "." + temps.incrementAndGet() + ".tmp");
            try {
                byte[] header = Arrays.copyOf(MAGIC, HEADER);
                java.nio.ByteBuffer.wrap(header, MAGIC.length, Integer.BYTES).putInt(checksum(page));
                writeAll(tmp, header, page);
                move(tmp, file);
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
        } catch (IOException e) {
            notes.add(Problem.info(file.toString(), 0, "cache", "could not store a cache entry (" + e.getMessage() + ")"));
        }
    }

    /** Writes a header and a page to a file, one after the other, without joining them in memory first. */
    private static void writeAll(Path file, byte[] header, byte[] page) throws IOException {
        try (java.nio.channels.FileChannel out = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.CREATE_NEW)) {
            java.nio.ByteBuffer[] parts = {java.nio.ByteBuffer.wrap(header), java.nio.ByteBuffer.wrap(page)};
            while (parts[0].hasRemaining() || parts[1].hasRemaining()) {
                out.write(parts);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Returns how many entries were found so far. */
    public int hits() {
        return hits.get();
    }

    /**
     * Deletes the entries this whole build did not use, and the subfolders of all other stamps but the one used
     * last, and returns the notes gathered.
     */
    public List<Problem> collect() {
        memory.ifPresent(m -> {
            m.entries().keySet().retainAll(used);
            m.records().keySet().retainAll(used);
        });
        if (dir.isPresent() && swept) {
            sweepByKey(memory.orElseThrow().onDisk());
            try {
                Path file = dir.get().resolve(STAMP);
                if (Files.isDirectory(dir.get()) && !Files.exists(file)) {
                    Files.writeString(file, stamp);
                }
            } catch (IOException e) {
                notes.add(Problem.info(dir.get().toString(), 0, "cache", "could not write the cache's stamp: " + e.getMessage()));
            }
        } else if (dir.isPresent() && Files.isDirectory(dir.get())) {
            try (Stream<Path> files = Files.find(dir.get(), 2, (f, attrs) -> attrs.isRegularFile())) {
                for (Path f : files.toList()) {
                    if ((wipe || !used.contains(f.getFileName().toString())) && !f.equals(dir.get().resolve(STAMP))) {
                        Files.deleteIfExists(f);
                    }
                }
                Files.writeString(dir.get().resolve(STAMP), stamp);
                pruneOtherStamps(dir.get());
            } catch (IOException e) {
                notes.add(Problem.info(dir.get().toString(), 0, "cache", "could not remove stale cache entries: " + e.getMessage()));
            }
        }
        return List.copyOf(notes);
    }

    /** Deletes the entries the folder holds (as the memory knows) that this build did not use. */
    private void sweepByKey(java.util.Set<String> onDisk) {
        for (String key : List.copyOf(onDisk)) {
            if (!used.contains(key)) {
                try {
                    Files.deleteIfExists(file(key));
                    onDisk.remove(key);
                } catch (IOException e) {
                    notes.add(Problem.info(file(key).toString(), 0, "cache", "could not remove a stale cache entry: "
                            + e.getMessage()));
                }
            }
        }
    }

    /** Keeps this stamp's subfolder and the other one used last; deletes the rest. */
    private static void pruneOtherStamps(Path own) throws IOException {
        List<Path> others;
        try (Stream<Path> list = Files.list(own.getParent())) {
            others = list.filter(Files::isDirectory).filter(d -> !d.equals(own))
                    .sorted(java.util.Comparator.comparing(CacheFolder::lastUsed).reversed()).toList();
        }
        for (Path old : others.subList(Math.min(1, others.size()), others.size())) {
            try (Stream<Path> walk = Files.walk(old)) {
                for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static java.nio.file.attribute.FileTime lastUsed(Path stampDir) {
        try {
            return Files.getLastModifiedTime(stampDir.resolve(STAMP));
        } catch (IOException e) {
            // No readable stamp: the subfolder was never finished, so it counts as the oldest and goes first.
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    private Path file(String key) {
        return dir.orElseThrow().resolve(key.substring(0, 2)).resolve(key);
    }
}
