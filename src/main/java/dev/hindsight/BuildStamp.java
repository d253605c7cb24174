package dev.hindsight;

import dev.hindsight.model.KeyHash;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What every cached build output depends on besides its own inputs: the generator's own build (its jar's entries, or
 * its classes folder when it runs from one; see {@link #code}), and the project's theme and assets folders. A cache
 * entry made under another stamp is never used.
 *
 * <p>The drafts switch and {@code --with-bodies} are left out too. A file's load entry holds the switch only when the
 * file is a draft (see the loader), pages and the index stage are keyed by what they are made from (drafts or not),
 * and incidents.json is not cached. So a preview, which shows drafts, starts warm on a published build's cache.
 *
 * <p>The day and the base URL are left out on purpose. Loading a file reads the day only through the date range
 * (dates far outside it are typos), and its load entry says what it made of the range, so it is used only under a
 * range that gives the same reading. A page shows them only
 * through its view model (overdue items, canonical URLs), whose digest is part of the page's key: a page whose items
 * became overdue today is rendered again, and every other page is copied. With the day in the stamp, the first
 * build of every day would be cold.
 */
final class BuildStamp {
    /** The generator's own code does not change while it runs: digested once, when first needed. */
    private static final class Generator {
        static final String DIGEST = generator();
    }

    private BuildStamp() {
    }

    /** Returns the stamp of a build with these options, as hex. */
    static String of(BuildOptions options) {
        KeyHash md = KeyHash.start();
        feed(md, Generator.DIGEST);
        for (String folder : List.of("themes", "assets")) {
            feed(md, folder);
            feed(md, tree(options.projectDir().resolve(folder)));
        }
        return md.hex();
    }

    /** Returns the digest of the generator's own code: its jar, or its classes folder. */
    private static String generator() {
        java.security.CodeSource source = BuildStamp.class.getProtectionDomain().getCodeSource();
        try {
            if (source == null) {
                return "unknown-" + System.nanoTime();
            }
            return code(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            // No readable code location: a stamp that no other run shares, so nothing is reused.
            return "unknown-" + System.nanoTime();
        }
    }

    /**
     * Returns the digest of the generator's code at a location: of a classes folder, every file; of a jar, its table
     * of contents, each entry's name, size and CRC-32 as the zip format records them, which changes with any entry's
     * bytes but is read without inflating the entries or digesting the 19 MB jar (that took 130 ms of every start
     * under C1, where SHA-256 runs as plain Java code); of any other file, its bytes.
     */
    static String code(Path location) {
        if (Files.isDirectory(location)) {
            return tree(location);
        }
        KeyHash md = KeyHash.start();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(location.toFile())) {
            feed(md, "jar");
            zip.stream().forEach(e -> {
                feed(md, e.getName());
                feed(md, e.getSize() + " " + e.getCrc());
            });
        } catch (IOException e) {
            return file(location);
        }
        return md.hex();
    }

    /** Returns the digest of every file under a folder, by relative path and content ("" when it does not exist). */
    private static String tree(Path dir) {
        if (!Files.isDirectory(dir)) {
            return "";
        }
        KeyHash md = KeyHash.start();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                feed(md, dir.relativize(f).toString().replace('\\', '/'));
                feed(md, file(f));
            }
        } catch (IOException e) {
            return "unreadable-" + System.nanoTime();
        }
        return md.hex();
    }

    private static String file(Path f) {
        KeyHash md = KeyHash.start();
        try (InputStream in = Files.newInputStream(f)) {
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            return "unreadable-" + System.nanoTime();
        }
        return md.hex();
    }

    private static void feed(KeyHash md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update(HexFormat.of().formatHex(new byte[] {(byte) (b.length >>> 24), (byte) (b.length >>> 16),
                (byte) (b.length >>> 8), (byte) b.length}).getBytes(StandardCharsets.US_ASCII));
        md.update(b);
    }
}
