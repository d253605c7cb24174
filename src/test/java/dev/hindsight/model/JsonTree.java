package dev.hindsight.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON document with jackson-core's parser into plain Java values, keeping the order of keys: objects as
 * LinkedHashMap, arrays as List, strings, Long or Double, Boolean and null. Refuses a document with anything after
 * its value, or one that is not valid UTF-8 JSON.
 */
public final class JsonTree {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonTree() {
    }

    /** Parses the UTF-8 bytes of a document. */
    public static Object parse(byte[] utf8) {
        try (JsonParser p = FACTORY.createParser(utf8)) {
            Object value = value(p, p.nextToken());
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("more after the value at " + p.currentLocation());
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a document's text. */
    public static Object parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses a document whose value is an object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(byte[] utf8) {
        return (Map<String, Object>) parse(utf8);
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    if (m.containsKey(name)) {
                        throw new IllegalArgumentException("duplicate key " + name);
                    }
                    m.put(name, value(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                    l.add(value(p, v));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return t == JsonToken.VALUE_TRUE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IllegalArgumentException("unexpected " + t + " at " + p.currentLocation());
        }
    }
}
