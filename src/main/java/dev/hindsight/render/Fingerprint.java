package dev.hindsight.render;

import dev.hindsight.model.Validate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Content hashes for asset file names, so that a changed file gets a new URL and old ones can be cached forever.
 */
public final class Fingerprint {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Fingerprint() {
    }

    /** Returns the first 8 hex digits of the SHA-256 of some bytes. */
    public static String of(byte[] bytes) {
        return sha256Hex(bytes).substring(0, 8);
    }

    /** Returns the full SHA-256 of some bytes as lower-case hex. */
    public static String sha256Hex(byte[] bytes) {
        Validate.notNull(bytes, "bytes");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            StringBuilder sb = new StringBuilder(digest.length * 2);
            for (byte b : digest) {
                sb.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Returns a path with the content hash before its extension: "css/site.css" becomes "css/site.1a2b3c4d.css". */
    public static String name(String path, byte[] bytes) {
        Validate.notBlank(path, "path");
        String hash = of(bytes);
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot <= slash + 1) {
            return path + "." + hash;
        }
        return path.substring(0, dot) + "." + hash + path.substring(dot);
    }
}
