package dev.hindsight.model;

import java.util.Collection;

/**
 * Argument checks used across Hindsight, kept in one place.
 */
public final class Validate {
    private Validate() {
    }

    /** Returns the object, or throws if it is null. */
    public static <T> T notNull(T obj, String name) {
        if (obj == null) {
            throw new NullPointerException(name + " must not be null");
        }
        return obj;
    }

    /** Returns the string, or throws if it is null or blank. */
    public static String notBlank(String s, String name) {
        notNull(s, name);
        if (s.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return s;
    }

    /** Throws if the condition is false. */
    public static void isTrue(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Throws if the condition is false, with the message followed by the detail (joined only on failure). */
    public static void isTrue(boolean condition, String message, Object detail) {
        if (!condition) {
            throw new IllegalArgumentException(message + detail);
        }
    }

    /** Throws if the collection holds a null element. */
    public static <C extends Collection<?>> C noNulls(C c, String name) {
        notNull(c, name);
        for (Object o : c) {
            if (o == null) {
                throw new IllegalArgumentException(name + " must not contain null");
            }
        }
        return c;
    }
}
