package dev.hindsight.config;

import dev.hindsight.model.Problem;
import dev.hindsight.model.Result;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one YAML 1.2 document into a {@link YamlNode} tree, within limits, turning every failure into a
 * {@link Problem} with a line number instead of an exception.
 *
 * <p>It builds the tree from snakeyaml-engine's event stream with an explicit stack, so deep nesting cannot
 * overflow the Java stack. Limits, all reported as {@code yaml-limit} errors:
 * <ul>
 *   <li>{@value #MAX_CODE_POINTS} characters of YAML;</li>
 *   <li>{@value #MAX_DEPTH} levels of nesting;</li>
 *   <li>{@value #MAX_COLLECTION_ALIASES} aliases to lists or maps, and {@value #MAX_VALUES} values counted
 *       with every alias expanded: a "billion laughs" document is refused after a few hundred events.</li>
 * </ul>
 * Duplicate keys and non-text keys are errors; the first value of a duplicated key is kept.
 */
public final class YamlReader {
    /** The most characters of YAML read. */
    public static final int MAX_CODE_POINTS = 3 * 1024 * 1024;
    /** The deepest nesting of lists and maps. */
    public static final int MAX_DEPTH = 64;
    /** The most aliases that point to a list or map. */
    public static final int MAX_COLLECTION_ALIASES = 50;
    /** The most values in the document, counting each alias as the values it stands for. */
    public static final int MAX_VALUES = 100_000;

    private static final LoadSettings SETTINGS = LoadSettings.builder()
            .setLabel("yaml")
            .setCodePointLimit(MAX_CODE_POINTS)
            .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
            .setAllowDuplicateKeys(false)
            .setAllowRecursiveKeys(false)
            .setUseMarks(true)
            .build();

    /**
     * Reads a YAML document; an empty document gives an empty value.
     *
     * @param text      the YAML text
     * @param path      the file, for problems
     * @param firstLine the file line the text starts on (1-based), so problems point into the whole file
     * @return the tree, or empty when the text is empty or broken, with the problems found
     */
    public Result<Optional<YamlNode>> read(String text, String path, int firstLine) {
        List<Problem> problems = new ArrayList<>();
        if (text.length() > MAX_CODE_POINTS) {
            problems.add(Problem.error(path, firstLine, "yaml-limit",
                    "YAML is longer than " + MAX_CODE_POINTS + " characters and was not read"));
            return new Result<>(Optional.empty(), problems);
        }
        Builder builder = new Builder(path, firstLine, problems);
        try {
            for (Event event : new Parse(SETTINGS).parseString(text)) {
                if (!builder.accept(event)) {
                    break;
                }
            }
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + firstLine).orElse(firstLine);
            String what = e.getProblem() == null || e.getProblem().isBlank() ? "invalid YAML" : e.getProblem().strip();
            String context = e.getContext() == null || e.getContext().isBlank() ? "" : " (" + e.getContext().strip() + ")";
            problems.add(Problem.error(path, line, "yaml-syntax", "YAML syntax error: " + what + context));
            return new Result<>(Optional.empty(), problems);
        } catch (YamlEngineException e) {
            problems.add(Problem.error(path, firstLine, "yaml-syntax", "YAML could not be read: " + e.getMessage()));
            return new Result<>(Optional.empty(), problems);
        }
        if (builder.failed) {
            return new Result<>(Optional.empty(), problems);
        }
        return new Result<>(Optional.ofNullable(builder.root), problems);
    }

    /** Assembles the tree from events; one instance reads one document. */
    private static final class Builder {
        private final String path;
        private final int firstLine;
        private final List<Problem> problems;
        private final Deque<Open> stack = new ArrayDeque<>();
        private final Map<String, Sized> anchors = new HashMap<>();
        private YamlNode root;
        private int documents;
        private int collectionAliases;
        private long values;
        private boolean failed;

        Builder(String path, int firstLine, List<Problem> problems) {
            this.path = path;
            this.firstLine = firstLine;
            this.problems = problems;
        }

        /** Takes one event; returns false to stop reading. */
        boolean accept(Event event) {
            int line = event.getStartMark().map(Mark::getLine).orElse(0) + firstLine;
            switch (event.getEventId()) {
                case DocumentStart -> {
                    documents++;
                    if (documents > 1) {
                        problems.add(Problem.warning(path, line, "yaml-syntax",
                                "only the first YAML document is read; the rest is ignored"));
                        return false;
                    }
                }
                case Scalar -> {
                    ScalarEvent s = (ScalarEvent) event;
                    return add(new YamlNode.Scalar(s.getValue(), s.isPlain(), line), 1, s, line);
                }
                case SequenceStart, MappingStart -> {
                    if (stack.size() >= MAX_DEPTH) {
                        return fail(line, "YAML nests deeper than " + MAX_DEPTH + " levels");
                    }
                    stack.push(new Open(event.getEventId() == Event.ID.MappingStart, line, (NodeEvent) event));
                }
                case SequenceEnd, MappingEnd -> {
                    Open open = stack.pop();
                    return add(open.build(), open.size + 1, open.event, open.line);
                }
                case Alias -> {
                    return alias((AliasEvent) event, line);
                }
                default -> {
                    return true;
                }
            }
            return true;
        }

        private boolean alias(AliasEvent event, int line) {
            String name = event.getAlias().getValue();
            Sized target = anchors.get(name);
            if (target == null) {
                return fail(line, "unknown YAML alias *" + name);
            }
            if (!(target.node instanceof YamlNode.Scalar) && ++collectionAliases > MAX_COLLECTION_ALIASES) {
                return fail(line, "more than " + MAX_COLLECTION_ALIASES + " aliases to lists or maps");
            }
            return add(target.node, target.size, null, line);
        }

        private boolean add(YamlNode node, long size, NodeEvent event, int line) {
            values += size;
            if (values > MAX_VALUES) {
                return fail(line, "YAML expands to more than " + MAX_VALUES + " values (too many aliases?)");
            }
            if (event != null && event.getAnchor().isPresent()) {
                anchors.put(event.getAnchor().get().getValue(), new Sized(node, size));
            }
            if (stack.isEmpty()) {
                root = node;
                return true;
            }
            Open parent = stack.peek();
            parent.size += size;
            return parent.add(node, this);
        }

        private boolean fail(int line, String message) {
            problems.add(Problem.error(path, line, "yaml-limit", message));
            failed = true;
            return false;
        }

        private void problem(Problem p) {
            problems.add(p);
        }

        private String path() {
            return path;
        }
    }

    /** A value with the number of values it stands for. */
    private record Sized(YamlNode node, long size) {
    }

    /** A list or map being read. */
    private static final class Open {
        private final boolean mapping;
        private final int line;
        private final NodeEvent event;
        private final List<YamlNode> items = new ArrayList<>();
        private final List<YamlNode.Entry> entries = new ArrayList<>();
        private YamlNode pendingKey;
        private long size;

        Open(boolean mapping, int line, NodeEvent event) {
            this.mapping = mapping;
            this.line = line;
            this.event = event;
        }

        boolean add(YamlNode node, Builder b) {
            if (!mapping) {
                items.add(node);
                return true;
            }
            if (pendingKey == null) {
                pendingKey = node;
                return true;
            }
            YamlNode key = pendingKey;
            pendingKey = null;
            if (!(key instanceof YamlNode.Scalar s)) {
                b.problem(Problem.error(b.path(), key.line(), "yaml-syntax", "a map key must be text, not " + key.kind()));
                return true;
            }
            String name = s.value();
            if (entries.stream().anyMatch(e -> e.key().equals(name))) {
                b.problem(Problem.error(b.path(), key.line(), "yaml-duplicate-key",
                        "duplicate key '" + name + "'; the first value is used"));
                return true;
            }
            entries.add(new YamlNode.Entry(name, key.line(), node));
            return true;
        }

        YamlNode build() {
            return mapping ? new YamlNode.Mapping(entries, line) : new YamlNode.Sequence(items, line);
        }
    }
}
