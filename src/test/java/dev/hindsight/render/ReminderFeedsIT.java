package dev.hindsight.render;

import dev.hindsight.BuildReport;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reminder feeds of a built site, read with a real iCalendar parser (ical4j) and jsoup's XML parser: each team's
 * calendar has every open item with a due date as an all-day event, UIDs survive reordering the items in the source,
 * no person is named, two builds are byte-identical, and an overdue feed dates each entry the day it became overdue.
 */
class ReminderFeedsIT {
    @TempDir
    static Path dir;
    @TempDir
    static Path again;
    @TempDir
    static Path reordered;

    @BeforeAll
    static void build() throws IOException {
        for (Path d : List.of(dir, again)) {
            FollowThroughSite.write(d, true, false);
        }
        FollowThroughSite.write(reordered, true, true);
        for (Path d : List.of(dir, again, reordered)) {
            BuildReport report = FollowThroughSite.build(d);
            assertThat(report.published()).as(report.problems().toString()).isTrue();
        }
    }

    private static Calendar calendar(Path site, String team) throws Exception {
        String text = Files.readString(site.resolve("public/action-items/" + team + ".ics"), StandardCharsets.UTF_8);
        return new CalendarBuilder().build(new StringReader(text));
    }

    private static List<VEvent> events(Path site, String team) throws Exception {
        return calendar(site, team).getComponents(Component.VEVENT);
    }

    private static String value(VEvent e, String property) {
        return e.<Property>getProperty(property).map(Property::getValue).orElse("");
    }

    @Test
    void everyOpenItemWithADueDateIsAnAllDayEventOnItsDueDate() throws Exception {
        Calendar payments = calendar(dir, "payments");
        assertThat(payments.validate().hasErrors()).as(payments.validate().toString()).isFalse();
        Map<String, LocalDate> due = new TreeMap<>();
        for (VEvent e : events(dir, "payments")) {
            DtStart<?> start = e.getStartDate().orElseThrow();
            DtEnd<?> end = e.getEndDate().orElseThrow();
            assertThat(start.getDate()).as("all-day: a DATE value, not a date-time").isInstanceOf(LocalDate.class);
            assertThat(end.getDate()).isEqualTo(((LocalDate) start.getDate()).plusDays(1));
            due.put(value(e, Property.SUMMARY) + " " + start.getDate(), (LocalDate) start.getDate());
        }
        assertThat(due.keySet()).containsExactly("Due: Alert on pool wait time 2025-03-01",
                "Due: Review pool sizes 2025-05-01", "Due: Review pool sizes 2025-08-01",
                "Due: Write the saturation runbook 2025-02-01");
        assertThat(events(dir, "platform")).extracting(e -> value(e, Property.SUMMARY)).containsExactly("Due: Cap replicas per pool");
        // The item without a due date is on the page, not in the calendar.
        assertThat(events(dir, "no-owner-team")).extracting(e -> value(e, Property.SUMMARY))
                .containsExactly("Due: Forecast disk growth, alert 7 days ahead");
        // Folding, escaping and UTF-8 survive a real parser: the long title with commas, a semicolon and non-ASCII text.
        assertThat(events(dir, "data")).extracting(e -> value(e, Property.SUMMARY)).containsExactly("Due: " + FollowThroughSite.LONG_TITLE);
        assertThat(events(dir, "data").get(0).<Property>getProperty(Property.DTSTAMP).orElseThrow().getValue())
                .as("DTSTAMP from the incident's date, not the clock").isEqualTo("20250401T000000Z");
    }

    @Test
    void theFileIsProperRfc5545() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("public/action-items"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".ics")).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                String text = new String(bytes, StandardCharsets.UTF_8);
                assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
                assertThat(text.replace("\r\n", "")).as("every line ends in CRLF").doesNotContain("\n").doesNotContain("\r");
                for (String line : text.split("\r\n")) {
                    assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
                }
            }
        }
        assertThat(Files.readString(dir.resolve("public/action-items/data.ics"))).contains("\r\n ")
                .contains("Réindexer les prix\\, sans verrou\\; v");
    }

    @Test
    void uidsStayTheSameWhenTheItemsAreReorderedInTheSource() throws Exception {
        Map<String, String> before = uids(dir);
        Map<String, String> after = uids(reordered);
        assertThat(before).hasSize(4).isEqualTo(after);
        assertThat(before.keySet()).allMatch(u -> u.startsWith("2025-01-10-pool-") && u.endsWith("@kb.example"));
        assertThat(Files.readString(reordered.resolve("content/postmortems/2025-01-10-pool.md")))
                .as("the source really was reordered").isNotEqualTo(Files.readString(dir.resolve("content/postmortems/2025-01-10-pool.md")));
    }

    private static Map<String, String> uids(Path site) throws Exception {
        Map<String, String> m = new TreeMap<>();
        for (VEvent e : events(site, "payments")) {
            m.put(value(e, Property.UID), value(e, Property.SUMMARY) + " " + e.getStartDate().orElseThrow().getDate());
        }
        return m;
    }

    @Test
    void noFeedNamesAPersonAndTwoBuildsAreByteIdentical() throws IOException {
        List<Path> feeds;
        try (Stream<Path> files = Files.list(dir.resolve("public/action-items"))) {
            feeds = files.filter(p -> p.toString().endsWith(".ics") || p.toString().endsWith(".xml")).sorted().toList();
        }
        assertThat(feeds).extracting(p -> p.getFileName().toString()).containsExactly("data.ics", "no-owner-team.ics",
                "overdue.xml", "payments.ics", "platform.ics");
        for (Path f : feeds) {
            String text = Files.readString(f);
            assertThat(text).doesNotContain(FollowThroughSite.PERSON).doesNotContain("Dana").doesNotContain("sre-oncall");
            assertThat(Files.readAllBytes(f)).as(f.getFileName().toString())
                    .isEqualTo(Files.readAllBytes(again.resolve("public/action-items").resolve(f.getFileName())));
        }
    }

    @Test
    void theOverdueFeedHasAnEntryPerOverdueItemDatedTheDayItBecameOverdue() throws IOException {
        Document feed = Jsoup.parse(Files.readString(dir.resolve("public/action-items/overdue.xml")), "", Parser.xmlParser());
        List<Element> entries = feed.select("entry");
        assertThat(entries).extracting(e -> e.selectFirst("updated").text()).containsExactly("2025-05-21T00:00:00Z",
                "2025-05-02T00:00:00Z", "2025-03-02T00:00:00Z", "2025-02-02T00:00:00Z");
        assertThat(entries).extracting(e -> e.selectFirst("title").text()).containsExactly(
                "Overdue: Forecast disk growth, alert 7 days ahead (No owner team)", "Overdue: Review pool sizes (Payments)",
                "Overdue: Alert on pool wait time (Payments)", "Overdue: Write the saturation runbook (Payments)");
        assertThat(entries).allMatch(e -> e.selectFirst("id").text().startsWith("tag:kb.example,2024:action-item/"));
        Document moved = Jsoup.parse(Files.readString(reordered.resolve("public/action-items/overdue.xml")), "", Parser.xmlParser());
        assertThat(moved.select("entry > id").eachText()).isEqualTo(feed.select("entry > id").eachText());
        assertThat(feed.selectFirst("feed > updated").text()).isEqualTo("2025-05-21T00:00:00Z");
        assertThat(entries.get(0).selectFirst("link").attr("href")).startsWith("https://kb.example/action-items/#item-2024-11-05-disk-");
    }

    @Test
    void thePageLinksToTheFeedsThatExist() throws IOException {
        Document page = Jsoup.parse(dir.resolve("public/action-items/index.html").toFile(), "UTF-8");
        for (Element a : page.select("a[href$=.ics], a[href$=overdue.xml]")) {
            assertThat(dir.resolve("public/action-items").resolve(a.attr("href")).normalize()).isRegularFile();
        }
        assertThat(page.select(".calendar-list a").eachText()).containsExactly("Data", "No owner team", "Payments", "Platform SRE");
        assertThat(page.select("section[data-team=payments] a[href$=.ics]").attr("href")).isEqualTo("../action-items/payments.ics");
    }

    @Test
    void theOverdueFeedKeepsTheMostRecentlyOverdueItemsUpToTheFeedLimit(@TempDir Path many) throws IOException {
        FollowThroughSite.write(many, true, false);
        StringBuilder items = new StringBuilder();
        int n = AtomFeed.LIMIT + 12;
        LocalDate firstDue = FollowThroughSite.TODAY.minusDays(n + 1L);
        for (int i = 0; i < n; i++) {
            items.append("  - title: \"Backfill step ").append(i).append("\"\n    owner: data\n    due: ")
                    .append(firstDue.plusDays(i)).append("\n    status: open\n");
        }
        Files.writeString(many.resolve("content/postmortems/2024-06-01-backfill.md"), "---\ntitle: Backfill stalled\n"
                + "teams: [data]\naction_items:\n" + items + "---\n## Summary\n\nThe backfill stalled.\n");
        assertThat(FollowThroughSite.build(many).published()).isTrue();
        Document feed = Jsoup.parse(Files.readString(many.resolve("public/action-items/overdue.xml")), "", Parser.xmlParser());
        List<String> updated = feed.select("entry > updated").eachText();
        assertThat(updated).hasSize(AtomFeed.LIMIT).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // The newest backfill step is in; the oldest ones, overdue longest, made way.
        assertThat(feed.select("entry > title").eachText()).contains("Overdue: Backfill step " + (n - 1) + " (Data)")
                .doesNotContain("Overdue: Backfill step 0 (Data)");
    }
}
