package dev.hindsight.model;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * What {@link RecordCodec} needs to know of a record class, looked up once per class: its components' accessors and
 * parts, and its canonical constructor (so a record's checks run again when it is read back).
 */
final class RecordShape {
    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return new RecordShape(type);
        }
    };

    private final Class<?> type;
    private final RecordComponent[] components;
    private final Method[] accessors;
    private final CodecPart[] parts;
    private final Constructor<?> constructor;

    private RecordShape(Class<?> type) {
        this.type = type;
        this.components = type.getRecordComponents();
        this.accessors = new Method[components.length];
        this.parts = new CodecPart[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            accessors[i] = components[i].getAccessor();
            accessors[i].setAccessible(true);
            parts[i] = CodecPart.of(components[i].getGenericType());
            types[i] = components[i].getType();
        }
        try {
            this.constructor = type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a record always has a canonical constructor: " + type.getName(), e);
        }
        constructor.setAccessible(true);
    }

    /** Returns the shape of a record class. */
    static RecordShape of(Class<?> type) {
        return SHAPES.get(type);
    }

    /** Writes a record's components in their declared order. */
    void write(ByteSink out, Object value) {
        for (int i = 0; i < parts.length; i++) {
            Object component;
            try {
                component = accessors[i].invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalArgumentException("cannot read " + type.getName() + "." + components[i].getName(), e);
            }
            parts[i].write(out, component);
        }
    }

    /** Reads a record's components and makes the record through its canonical constructor. */
    Object read(ByteSource in) throws IOException {
        Object[] args = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            args[i] = parts[i].read(in);
        }
        try {
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IOException("cannot make a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
