package dev.hindsight.render;

import dev.hindsight.model.CacheFolder;
import dev.hindsight.model.IncidentDigests;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.RecordCodec;
import dev.hindsight.model.Validate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps, between builds, what each incident page's model was made from, so that a page whose inputs are all the same
 * is taken from the page cache without building or digesting its model (at 10,000 incidents that was most of a
 * warm build's render stage).
 *
 * <p>{@link IncidentPage} reads only its incident and its {@link IncidentInputs}. An entry is keyed by the incident
 * whole, the page's path and the site-wide part of its model (navigation, assets, base URL), and holds every
 * question the page asked its inputs with a digest of the answer, and the page cache's key for the model they made.
 * A build asks the same questions again, in the same order (so the images a body shows are placed again); when every
 * answer is the same, so is the model, and the page cache's key is used as it is. Another answer, a question the
 * interface no longer has, or an entry that does not read, and the model is built and digested as before. Nothing
 * lists what a page depends on: its own questions are the list.
 */
final class InputsMemo {
    private static final Map<String, Method> QUESTIONS = questions();

    private final CacheFolder cache;
    private final ModelDigest digest;
    private final IncidentDigests incidents;

    /** One question the page asked, and its arguments. */
    record Ask(String question, List<String> arguments) {
    }

    /**
     * A page's questions in the order asked, one digest of all their answers in that order ({@link ModelDigest}; one
     * digest, not one an answer, as a digest's set-up cost more than the answers it read), and the page cache's key
     * for the model they made.
     */
    record Entry(List<Ask> asks, byte[] answers, String page) {
    }

    /** What an entry's key is made of. */
    private record Key(String incident, String path, String site) {
    }

    /**
     * Creates a memo over a cache folder (a disabled one keeps nothing), digesting answers as pages' models are
     * digested and taking the incidents' digests from the build's set.
     */
    InputsMemo(CacheFolder cache, ModelDigest digest, IncidentDigests incidents) {
        this.cache = Validate.notNull(cache, "cache");
        this.digest = Validate.notNull(digest, "digest");
        this.incidents = Validate.notNull(incidents, "incidents");
    }

    /**
     * Returns the key of an incident page's entry: its incident whole, its path and the common part of its model;
     * empty when the cache is off or that part cannot be digested.
     */
    Optional<String> key(Postmortem incident, String outPath, Map<String, Object> common) {
        if (!cache.enabled()) {
            return Optional.empty();
        }
        return digest.of("common", common).map(site ->
                cache.key("incident", RecordCodec.hash(new Key(incidents.of(incident), outPath, site))));
    }

    /** Returns the page cache's key an entry holds, when every question it recorded gets the same answer again. */
    Optional<String> replay(String key, IncidentInputs inputs) {
        Optional<Entry> kept = cache.getRecord(key, Entry.class);
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        Entry entry = kept.get();

        ModelDigest.Values answers = digest.values();
        for (Ask a : entry.asks()) {
            Method m = QUESTIONS.get(a.question());
            if (m == null || m.getParameterCount() != a.arguments().size()) {
                return Optional.empty();
            }
            answers.add(ask(m, inputs, a.arguments().toArray()));
        }
        Optional<byte[]> now = answers.digest();
        return now.isPresent() && Arrays.equals(now.get(), entry.answers()) ? Optional.of(entry.page()) : Optional.empty();
    }

    /** Returns a view of some inputs that records each question asked and its answer. */
    Recording recording(IncidentInputs inputs) {
        return new Recording(inputs);
    }

    /** Keeps a page's recorded questions under its key with the page cache's key; not when an answer was undigestible. */
    void put(String key, Recording recording, String page) {
        synchronized (recording) {
            recording.answers.digest().ifPresent(answers ->
                    cache.putRecord(key, new Entry(List.copyOf(recording.asks), answers, page)));
        }
    }

    /** The questions asked of one page's inputs, while its model is built. */
    final class Recording {
        private final List<Ask> asks = new ArrayList<>();
        private final ModelDigest.Values answers = digest.values();
        private final IncidentInputs view;

        private Recording(IncidentInputs inner) {
            this.view = (IncidentInputs) Proxy.newProxyInstance(IncidentInputs.class.getClassLoader(),
                    new Class<?>[] {IncidentInputs.class}, (proxy, m, args) -> {
                        Object[] given = args == null ? new Object[0] : args;
                        if (m.getDeclaringClass() == Object.class) {
                            return ask(m, inner, given);
                        }
                        Object answer = ask(m, inner, given);
                        synchronized (this) {
                            asks.add(new Ask(m.getName(), Arrays.stream(given).map(String.class::cast).toList()));
                            answers.add(answer);
                        }
                        return answer;
                    });
        }

        /** Returns the inputs to build the model from: the real ones, each question recorded. */
        IncidentInputs inputs() {
            return view;
        }
    }

    /** Asks a question of some inputs; what the question throws is thrown as it is. */
    private static Object ask(Method m, Object inputs, Object[] args) {
        try {
            return m.invoke(inputs, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot ask " + m.getName(), e);
        }
    }

    /** The questions by name; each name is one question, and every argument is a string, so an entry can ask it again. */
    private static Map<String, Method> questions() {
        Map<String, Method> out = new HashMap<>();
        for (Method m : IncidentInputs.class.getDeclaredMethods()) {
            if (m.isSynthetic() || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Validate.isTrue(Arrays.stream(m.getParameterTypes()).allMatch(t -> t == String.class),
                    "every argument of an incident page's question is a string: " + m.getName());
            Validate.isTrue(out.put(m.getName(), m) == null, "an incident page's questions have distinct names: " + m.getName());
        }
        return Map.copyOf(out);
    }
}
