package dev.hindsight.render;

import dev.hindsight.analyze.Durations;
import dev.hindsight.model.CacheFolder;
import dev.hindsight.model.IncidentDigests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class InputsMemoTest {
    private static final String PATH = "incidents/2025-05-12-checkout-pool/index.html";
    private static final Map<String, Object> COMMON = Map.of("root", "../../", "nav", List.of("Incidents", "Causes"));

    @TempDir
    Path dir;

    /** Inputs whose answers a test sets, and which lists the images it was asked to place. */
    private static final class Answers implements IncidentInputs {
        String label = "Config change";
        List<Alike> alike = List.of(new IncidentInputs.Alike("2024-01-01-pool", List.of("same cause: Config change")));
        long overdue;
        final List<String> images = new ArrayList<>();

        @Override
        public Optional<IncidentCard> card(String slug) {
            return Optional.empty();
        }

        @Override
        public Durations durations(String slug) {
            return new Durations(Optional.empty(), Optional.empty(), Optional.empty());
        }

        @Override
        public List<String> backlinks(String slug) {
            return List.of();
        }

        @Override
        public Optional<String> previous(String slug) {
            return Optional.of("2025-05-01-older");
        }

        @Override
        public Optional<String> next(String slug) {
            return Optional.empty();
        }

        @Override
        public Optional<String> nextEssential(String slug) {
            return Optional.empty();
        }

        @Override
        public List<Repeat> repeats(String slug) {
            return List.of();
        }

        @Override
        public List<Alike> similar(String slug) {
            return alike;
        }

        @Override
        public List<Window> chains(String slug) {
            return List.of();
        }

        @Override
        public String causeLabel(String cause) {
            return label;
        }

        @Override
        public String causePath(String cause) {
            return "causes/" + cause + "/";
        }

        @Override
        public String zone() {
            return "Z";
        }

        @Override
        public String today() {
            return "2025-06-01";
        }

        @Override
        public long daysOverdue(String due) {
            return overdue;
        }

        @Override
        public Optional<String> linkTarget(String link) {
            return Optional.empty();
        }

        @Override
        public Optional<String> image(String src) {
            images.add(src);
            return Optional.of("files/" + src);
        }

        @Override
        public Optional<String> attachment(String linkPath) {
            return Optional.empty();
        }
    }

    /** Asks what a page would, through a recording, and keeps it under a key with a page cache's key. */
    private static String recordPage(InputsMemo memo, String key, Answers answers) {
        InputsMemo.Recording asked = memo.recording(answers);
        IncidentInputs in = asked.inputs();
        in.zone();
        in.causeLabel("config-change");
        in.similar("2025-05-12-checkout-pool");
        in.image("graph.png");
        in.daysOverdue("2025-05-20");
        memo.put(key, asked, "page-key");
        return key;
    }

    private InputsMemo memo() {
        return new InputsMemo(CacheFolder.in(dir, "stamp"), new ModelDigest(), IncidentDigests.of(List.of()));
    }

    /** Records a page's questions in a fresh memo and returns its entry's key. */
    private String recorded() {
        InputsMemo memo = memo();
        String key = memo.key(SampleSite.checkout(), PATH, COMMON).orElseThrow();
        return recordPage(memo, key, new Answers());
    }

    @Test
    void aPageIsTakenWhileEveryQuestionGetsTheSameAnswerAndItsImagesArePlacedAgain() {
        String key = recorded();

        Answers again = new Answers();
        assertThat(memo().replay(key, again)).contains("page-key");
        assertThat(again.images).as("the image is asked for again, so it is copied to this build's page folder")
                .containsExactly("graph.png");
    }

    @Test
    void anyOtherAnswerMeansTheModelIsBuiltAgain() {
        String key = recorded();

        Answers relabelled = new Answers();
        relabelled.label = "Configuration change";
        assertThat(memo().replay(key, relabelled)).isEmpty();

        Answers otherReason = new Answers();
        otherReason.alike = List.of(new IncidentInputs.Alike("2024-01-01-pool", List.of("same service: Checkout")));
        assertThat(memo().replay(key, otherReason)).isEmpty();

        Answers overdue = new Answers();
        overdue.overdue = 3;
        assertThat(memo().replay(key, overdue)).isEmpty();
    }

    @Test
    void theKeyHoldsTheIncidentWholeThePathAndTheSiteWidePartOfTheModel() {
        InputsMemo memo = memo();
        String key = memo.key(SampleSite.checkout(), PATH, COMMON).orElseThrow();
        assertThat(memo.key(SampleSite.checkout(), PATH, Map.of("root", "../../", "nav", List.of("Incidents", "Causes"))))
                .as("the same inputs give the same key").contains(key);
        assertThat(memo.key(SampleSite.older(), PATH, COMMON)).get().isNotEqualTo(key);
        assertThat(memo.key(SampleSite.checkout(), "incidents/other/index.html", COMMON)).get().isNotEqualTo(key);
        assertThat(memo.key(SampleSite.checkout(), PATH, Map.of("root", "../../", "nav", List.of("Incidents"))))
                .get().isNotEqualTo(key);
        assertThat(new InputsMemo(CacheFolder.none(), new ModelDigest(), IncidentDigests.of(List.of())).key(SampleSite.checkout(), PATH, COMMON))
                .as("no cache, no memo").isEmpty();
    }

    @Test
    void anEntryThatDoesNotReadOrIsMissingIsNotUsed() {
        CacheFolder cache = CacheFolder.in(dir, "stamp");
        InputsMemo memo = new InputsMemo(cache, new ModelDigest(), IncidentDigests.of(List.of()));
        String key = memo.key(SampleSite.checkout(), PATH, COMMON).orElseThrow();
        assertThat(memo.replay(key, new Answers())).as("nothing kept yet").isEmpty();
        cache.put(key, "not an entry".getBytes(StandardCharsets.UTF_8));
        assertThat(memo.replay(key, new Answers())).isEmpty();
    }

    @Test
    void theQuestionsAreAskedAgainInTheOrderTheyWereAsked() {
        InputsMemo memo = memo();
        String key = memo.key(SampleSite.checkout(), PATH, COMMON).orElseThrow();
        InputsMemo.Recording asked = memo.recording(new Answers());
        asked.inputs().image("a.png");
        asked.inputs().image("b.png");
        asked.inputs().image("a.png");
        memo.put(key, asked, "page-key");

        Answers again = new Answers();
        assertThat(memo().replay(key, again)).contains("page-key");
        assertThat(again.images).containsExactly("a.png", "b.png", "a.png");
    }
}
