package dev.hindsight.load;

import dev.hindsight.config.YamlNode;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Impact;
import dev.hindsight.model.Inference;
import dev.hindsight.model.Status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The values of one postmortem while it is being loaded: first what the front matter declares, then what the
 * body gives, with each inference recorded. Used by one thread for one file, then turned into a
 * {@code Postmortem}; not part of the model.
 */
final class Draft {
    Optional<String> title = Optional.empty();
    Optional<LocalDate> date = Optional.empty();
    /** True when the front matter wrote a date outside the {@link DateBounds}: the incident stays undated. */
    boolean dateOutOfRange;
    Optional<String> severity = Optional.empty();
    Status status = Status.PUBLISHED;
    Optional<String> summary = Optional.empty();
    Optional<List<String>> services = Optional.empty();
    Optional<List<String>> teams = Optional.empty();
    Optional<List<String>> tags = Optional.empty();
    List<String> causes = List.of();
    Optional<String> trigger = Optional.empty();
    Optional<String> detection = Optional.empty();
    boolean nearMiss;
    boolean essential;
    /** Front-matter {@code times:} entries (and aliases of them) by part, read once the incident date is known. */
    Map<String, Declared> timesDeclared = new TreeMap<>();
    Optional<Instant> started = Optional.empty();
    Optional<Instant> detected = Optional.empty();
    Optional<Instant> mitigated = Optional.empty();
    Optional<Instant> resolved = Optional.empty();
    /** The front matter's {@code times.duration}: how long from the start to the resolution. */
    Optional<Duration> duration = Optional.empty();
    Impact impact = Impact.UNKNOWN;
    Optional<List<String>> authors = Optional.empty();
    List<String> related = List.of();
    List<String> recurrenceOf = List.of();
    List<String> notRecurrenceOf = List.of();
    Optional<String> causalService = Optional.empty();
    Optional<List<ActionItem>> actionItems = Optional.empty();
    Optional<String> slug = Optional.empty();
    OptionalLong weight = OptionalLong.empty();
    final Map<String, String> extra = new TreeMap<>();
    final List<Inference> inferences = new ArrayList<>();

    /**
     * A front-matter entry and how messages name it.
     *
     * @param entry the entry as written
     * @param label its name in messages, in backticks: {@code `times.started`} or
     *              {@code `start_time` (read as `times.started`)}
     */
    record Declared(YamlNode.Entry entry, String label) {
    }

    /** Records a value that was inferred rather than written. */
    void inferred(String field, String value, String source) {
        inferences.add(new Inference(field, value, source));
    }
}
