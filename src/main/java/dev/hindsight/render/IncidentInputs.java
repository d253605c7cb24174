package dev.hindsight.render;

import dev.hindsight.analyze.Durations;
import dev.hindsight.analyze.Recurrence;

import java.util.List;
import java.util.Optional;

/**
 * Every question an incident page's model asks of the rest of the site: {@link IncidentPage} reads nothing else
 * besides its own incident, so the questions it asked and the answers it got are a complete account of what its
 * model was made from ({@link InputsMemo} keeps that account between builds, and skips the model when every answer
 * is the same). The compiler holds the page to it: the page is given this interface, not the site.
 *
 * <p>Every argument is a string, so a question can be asked again from what was kept. An answer is what the page
 * shows and no more (a similar incident's reason, not its score; whether an action item is overdue by the day, not
 * today's date), so that an answer changes only when the page would.
 */
interface IncidentInputs {

    /** Returns the card of an incident, or empty when the site has none by that slug. */
    Optional<IncidentCard> card(String slug);

    /** Returns an incident's durations (detect, mitigate, resolve), each empty when unknown. */
    Durations durations(String slug);

    /** Returns the slugs of the incidents that link to one. */
    List<String> backlinks(String slug);

    /** Returns the slug of the incident before one in time, if any. */
    Optional<String> previous(String slug);

    /** Returns the slug of the incident after one in time, if any. */
    Optional<String> next(String slug);

    /** Returns the slug of the essential read after an essential incident on the reading path, if any. */
    Optional<String> nextEssential(String slug);

    /** Returns the recurrences the recurrence rule found that an incident is either side of, both sides known. */
    List<Repeat> repeats(String slug);

    /** Returns an incident's similar incidents, best first: each one's slug and why it is similar. */
    List<Alike> similar(String slug);

    /** Returns the recurrence chains an incident is part of, each cut to the window around it a page shows. */
    List<Window> chains(String slug);

    /** Returns the label of a cause id. */
    String causeLabel(String cause);

    /** Returns the site path of a cause's page. */
    String causePath(String cause);

    /** Returns the site's time zone id. */
    String zone();

    /** Returns the build's day ({@code 2025-06-01}), which a page with an overdue item says it is overdue as of. */
    String today();

    /** Returns how many days a day ({@code 2025-01-31}) lies before the build's today, 0 when it does not. */
    long daysOverdue(String due);

    /**
     * Returns the site path of the page a link of the incident's source leads to (a Markdown file, a bundle's folder),
     * or empty when it leads to no page.
     */
    Optional<String> linkTarget(String link);

    /** Places an image the incident's body shows next to its page and returns the src to use, or empty when missing. */
    Optional<String> image(String src);

    /**
     * Places a file of the content folder a link of the incident's source leads to (a PDF, a log) next to its page
     * and returns the link's new path, or empty when the link leads to no such file.
     */
    Optional<String> attachment(String link);

    /**
     * One recurrence the rule found, seen from either incident.
     *
     * @param later      the later incident's slug
     * @param earlier    the earlier incident's slug
     * @param afterFix   whether every action item of the earlier one was closed before the later one began
     * @param why        why the rule matched them
     */
    record Repeat(String later, String earlier, boolean afterFix, String why) {
    }

    /**
     * A similar incident.
     *
     * @param slug    its slug
     * @param reasons why it is similar, in parts ("same cause: dns", "shared terms: coredns")
     */
    record Alike(String slug, List<String> reasons) {
        public Alike {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * A recurrence chain around one incident.
     *
     * @param kind  how the recurrence was found
     * @param cause its cause id ("" for a declared chain)
     * @param slugs the incidents in the window, oldest first
     * @param more  how many of the chain's incidents the window leaves out
     */
    record Window(Recurrence.Kind kind, String cause, List<String> slugs, int more) {
    }
}
