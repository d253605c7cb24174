package dev.hindsight.browser;

import dev.hindsight.render.BuiltIncidents;
import dev.hindsight.render.BuiltIncidents.Incident;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The all-incidents table of the content/ site in headless Chromium: each filter shows exactly the incidents
 * incidents.json says have the value, the view survives a reload of its URL, "Text contains" finds what the
 * search page finds, an empty result says so and clears, ties sort newest first, and without JavaScript the
 * table lists every incident by date.
 */
class IncidentTableBrowserIT {
    private static final Pattern SLUG = Pattern.compile("incidents/([^/]+)/");
    private static final Pattern WORD = Pattern.compile("[a-z]{7,}");

    @AutoClose
    static Chromium.Session browser;
    static ChromeDriver driver;
    @AutoClose
    static StaticServer server;
    static List<Incident> incidents;

    @BeforeAll
    static void start() throws IOException {
        browser = Chromium.start();
        driver = browser.driver();
        server = StaticServer.start(ContentSite.get().publicDir());
        incidents = BuiltIncidents.read(ContentSite.get().publicDir());
    }

    @BeforeEach
    void scriptsOn() {
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
    }

    @Test
    void eachNewFilterShowsExactlyTheIncidentsWithItsValue() {
        String team = mostCommonPartial(incidents.stream().flatMap(i -> i.teams().stream()).toList());
        String year = mostCommonPartial(incidents.stream().map(Incident::year).toList());
        check(() -> select("teams", team), i -> i.teams().contains(team), "teams=" + team);
        check(() -> select("years", year), i -> i.year().equals(year), "years=" + year);
        check(() -> select("review", "in-review"), i -> i.status().equals("in-review"), "review=in-review");
        check(() -> select("review", "published"), i -> i.status().equals("published"), "review=published");
        check(() -> tick("near-miss"), Incident::nearMiss, "near-miss=1");
        check(() -> tick("overdue"), i -> i.overdue() > 0, "overdue=1");
    }

    /** Applies one filter on a fresh page and compares the rows shown with the incidents the model says match. */
    private static void check(Runnable filter, Predicate<Incident> expected, String param) {
        open("incidents/");
        filter.run();
        Set<String> want = incidents.stream().filter(expected).map(Incident::slug).collect(Collectors.toSet());
        assertThat(want).as(param + " narrows the list").isNotEmpty().hasSizeLessThan(incidents.size());
        assertThat(shown()).as(param).containsExactlyInAnyOrderElementsOf(want);
        assertThat(driver.getCurrentUrl()).as("kept in the URL").endsWith("?" + param);
        assertThat(count()).isEqualTo("Showing " + want.size() + " of " + incidents.size());
    }

    @Test
    void aFilteredAndSortedViewComesBackFromItsUrl() {
        open("incidents/");
        String team = mostCommonPartial(incidents.stream().flatMap(i -> i.teams().stream()).toList());
        select("teams", team);
        tick("overdue");
        sortBy("Severity");
        List<String> before = shown();
        assertThat(before).isNotEmpty().hasSizeLessThan(incidents.size());
        String url = driver.getCurrentUrl();
        assertThat(url).contains("teams=" + team).contains("overdue=1").contains("sort=1");

        driver.navigate().to(server.url("incidents/"));
        Browse.settle(driver);
        assertThat(shown()).hasSize(incidents.size());
        Browse.open(driver, url);
        assertThat(shown()).as("same rows in the same order").containsExactlyElementsOf(before);
        assertThat(new Select(driver.findElement(By.id("filter-teams"))).getFirstSelectedOption().getAttribute("value")).isEqualTo(team);
        assertThat(driver.findElement(By.cssSelector("input[name=overdue]")).isSelected()).isTrue();
        assertThat(driver.findElement(By.xpath("//th[contains(., 'Severity')]")).getAttribute("aria-sort")).isEqualTo("ascending");
        assertThat(driver.getCurrentUrl()).as("restoring does not change the address").isEqualTo(url);
    }

    @Test
    void textContainsFindsWhatTheSearchPageFindsForAWordInNoTitle() {
        String word = bodyOnlyWord();
        open("search/?q=" + word);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector(".search-result")).size() > 0
                && d.findElement(By.id("search-app")).getAttribute("aria-busy") == null);
        while (driver.findElement(By.cssSelector(".search-more")).isDisplayed()) {
            driver.findElement(By.cssSelector(".search-more")).click();
        }
        Set<String> searched = new HashSet<>();
        for (WebElement a : driver.findElements(By.cssSelector(".search-result a.search-result-link"))) {
            Matcher m = SLUG.matcher(a.getAttribute("href"));
            assertThat(m.find()).isTrue();
            searched.add(m.group(1));
        }
        assertThat(searched).as("the search page's results for %s", word).hasSizeGreaterThan(1);

        open("incidents/");
        assertThat(searchFilesLoaded()).as("nothing of the search loads with the page").isZero();
        type(word);
        assertThat(searchFilesLoaded()).as("the engine and the shards of the word, on the first keystroke").isPositive();
        assertThat(shown()).as("rows for %s", word).containsExactlyInAnyOrderElementsOf(searched);
        assertThat(driver.getCurrentUrl()).contains("text=" + word);
    }

    @Test
    void whileTheIndexLoadsTheBoxMatchesTitles() {
        open("incidents/");
        // An engine that never answers: the box must still narrow the list, by title.
        driver.executeScript("window.HindsightEngine = function () { return new Promise(function () {}); };");
        Incident some = incidents.get(incidents.size() / 2);
        String word = Pattern.compile("\\s+").splitAsStream(some.title()).filter(w -> w.matches("[A-Za-z]{5,}"))
                .findFirst().orElseThrow();
        driver.findElement(By.id("filter-text")).sendKeys(word);
        String lower = word.toLowerCase(Locale.ROOT);
        assertThat(shown()).containsExactlyInAnyOrderElementsOf(incidents.stream()
                .filter(i -> i.title().toLowerCase(Locale.ROOT).contains(lower)).map(Incident::slug).toList());
        assertThat(count()).endsWith("matching titles while the search index loads");
    }

    @Test
    void anEmptyResultSaysSoAndClearFiltersResetsEveryFilterAndTheUrl() {
        // A team and a year no incident has together.
        String[] pair = emptyTeamYear();
        open("incidents/");
        select("teams", pair[0]);
        select("years", pair[1]);
        tick("near-miss");
        WebElement empty = driver.findElement(By.cssSelector(".table-empty"));
        assertThat(shown()).isEmpty();
        assertThat(empty.isDisplayed()).isTrue();
        assertThat(empty.getText()).startsWith("No incidents match these filters.");
        assertThat(driver.getCurrentUrl()).contains("teams=").contains("years=");

        empty.findElement(By.cssSelector("button.clear-filters")).click();
        assertThat(shown()).hasSize(incidents.size());
        assertThat(empty.isDisplayed()).isFalse();
        assertThat(driver.getCurrentUrl()).isEqualTo(server.url("incidents/"));
        for (WebElement s : driver.findElements(By.cssSelector("form.table-filters select"))) {
            assertThat(new Select(s).getFirstSelectedOption().getAttribute("value")).as(s.getAttribute("name")).isEmpty();
        }
        assertThat(driver.findElements(By.cssSelector("form.table-filters input[type=checkbox]"))).noneMatch(WebElement::isSelected);
        assertThat(driver.findElement(By.id("filter-text")).getAttribute("value")).isEmpty();
    }

    @Test
    void tiesInAnotherColumnAreOrderedByDateNewestFirstWhateverTheSortBefore() {
        open("incidents/");
        sortBy("Severity");
        List<String> bySeverity = shown();
        assertNewestFirstWithin(2);
        sortBy("Resolved in");
        sortBy("Services");
        assertNewestFirstWithin(4);
        sortBy("Severity");
        assertThat(shown()).as("the same order, however the table was sorted before").containsExactlyElementsOf(bySeverity);
    }

    /** Checks that rows with the same value in a column (1-based) are in date order, newest first. */
    private static void assertNewestFirstWithin(int column) {
        @SuppressWarnings("unchecked")
        List<List<String>> rows = (List<List<String>>) driver.executeScript("var col = arguments[0]; return Array.from(document.querySelectorAll("
                + "'#incident-table tbody tr')).map(function (r) { var c = r.cells[col - 1]; return ["
                + "c.getAttribute('data-sort') || c.textContent.trim().toLowerCase(), "
                + "r.cells[0].hasAttribute('data-sort') ? r.cells[0].getAttribute('data-sort') : r.cells[0].textContent.trim()]; });",
                column);
        int ties = 0;
        for (int k = 1; k < rows.size(); k++) {
            if (rows.get(k).get(0).equals(rows.get(k - 1).get(0))) {
                ties++;
                assertThat(rows.get(k).get(1)).as("row %d after %s", k, rows.get(k - 1)).isLessThanOrEqualTo(rows.get(k - 1).get(1));
            }
        }
        assertThat(ties).as("the column has ties to order").isGreaterThan(0);
    }

    @Test
    void withoutJavaScriptEveryIncidentIsListedByDateAndTheFiltersAreHidden() {
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        Browse.open(driver, server.url("incidents/?teams=payments&overdue=1"));
        List<String> slugs = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        for (WebElement row : driver.findElements(By.cssSelector("#incident-table tbody tr"))) {
            assertThat(row.isDisplayed()).isTrue();
            Matcher m = SLUG.matcher(row.findElement(By.cssSelector("td:nth-child(3) a")).getAttribute("href"));
            assertThat(m.find()).isTrue();
            slugs.add(m.group(1));
            // A date cell holds its ISO day as text; only an unknown date carries data-sort="" (table.js sorts by either).
            WebElement date = row.findElement(By.cssSelector("td:nth-child(1)"));
            dates.add(date.getAttribute("data-sort") != null ? date.getAttribute("data-sort") : date.getText().trim());
        }
        assertThat(slugs).containsExactlyInAnyOrderElementsOf(incidents.stream().map(Incident::slug).toList());
        List<String> newestFirst = new ArrayList<>(dates);
        newestFirst.sort(Comparator.comparing(String::isEmpty).thenComparing(Comparator.<String>reverseOrder()));
        assertThat(dates).as("newest first").containsExactlyElementsOf(newestFirst);
        assertThat(driver.findElement(By.cssSelector("form.table-filters")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.cssSelector(".table-empty")).isDisplayed()).isFalse();
    }

    // ---------------------------------------------------------------- steps

    private static void open(String path) {
        Browse.open(driver, server.url(path));
    }

    private static void select(String name, String value) {
        new Select(driver.findElement(By.id("filter-" + name))).selectByValue(value);
    }

    private static void tick(String name) {
        driver.findElement(By.cssSelector("form.table-filters input[type=checkbox][name='" + name + "']")).click();
    }

    private static void sortBy(String heading) {
        driver.findElement(By.xpath("//table[@id='incident-table']//th[contains(., '" + heading + "')]//button")).click();
    }

    /** Types in "Text contains" and waits for the search engine's answer. */
    private static void type(String text) {
        driver.findElement(By.id("filter-text")).sendKeys(text);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> count().matches("Showing \\d+ of \\d+"));
    }

    /** How many files of the search engine and its index the page has fetched. */
    private static long searchFilesLoaded() {
        return (long) driver.executeScript("return performance.getEntriesByType('resource').filter(function (e) {"
                + " return /search-engine|\\/search\\/(manifest|dict|post|frag|facet)/.test(e.name); }).length;");
    }

    private static String count() {
        return driver.findElement(By.cssSelector(".filter-count")).getText();
    }

    /** The slugs of the rows a person sees, top to bottom. */
    @SuppressWarnings("unchecked")
    private static List<String> shown() {
        List<String> hrefs = (List<String>) driver.executeScript("return Array.from(document.querySelectorAll("
                + "'#incident-table tbody tr')).filter(function (r) { return r.getClientRects().length > 0; })"
                + ".map(function (r) { return r.cells[2].querySelector('a').getAttribute('href'); });");
        return hrefs.stream().map(h -> {
            Matcher m = SLUG.matcher(h);
            assertThat(m.find()).as(h).isTrue();
            return m.group(1);
        }).toList();
    }

    // ---------------------------------------------------------------- picking test values from the content

    /** The most common value that not every incident has (ties: the first by name). */
    private static String mostCommonPartial(List<String> values) {
        Map<String, Long> counts = new TreeMap<>(values.stream().collect(Collectors.groupingBy(v -> v, Collectors.counting())));
        return counts.entrySet().stream().filter(e -> e.getValue() < incidents.size())
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .orElseThrow().getKey();
    }

    /** A team and a year that some incidents have, but none both. */
    private static String[] emptyTeamYear() {
        Set<String> teams = new java.util.TreeSet<>();
        Set<String> years = new java.util.TreeSet<>();
        incidents.forEach(i -> {
            teams.addAll(i.teams());
            years.add(i.year());
        });
        for (String t : teams) {
            for (String y : years) {
                if (incidents.stream().noneMatch(i -> i.teams().contains(t) && i.year().equals(y))) {
                    return new String[] {t, y};
                }
            }
        }
        throw new AssertionError("every team has an incident in every year");
    }

    /**
     * A word of at least seven letters that a few incidents' text has and no title contains, so matching titles
     * alone would find nothing: the first, alphabetically, used by two to five incidents' sections.
     */
    @SuppressWarnings("unchecked")
    private static String bodyOnlyWord() {
        String titles = incidents.stream().map(i -> i.title().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" "));
        Map<String, Object> model = new org.openqa.selenium.json.Json().toType(read("incidents.json"), Map.class);
        Map<String, Integer> df = new TreeMap<>();
        for (Map<String, Object> i : (List<Map<String, Object>>) model.get("incidents")) {
            Set<String> words = new HashSet<>();
            for (Map<String, Object> s : (List<Map<String, Object>>) i.get("sections")) {
                Matcher m = WORD.matcher(((String) s.get("text")).toLowerCase(Locale.ROOT));
                while (m.find()) {
                    words.add(m.group());
                }
            }
            words.forEach(w -> df.merge(w, 1, Integer::sum));
        }
        return df.entrySet().stream().filter(e -> e.getValue() >= 2 && e.getValue() <= 5 && !titles.contains(e.getKey()))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    private static String read(String file) {
        try {
            return java.nio.file.Files.readString(ContentSite.get().publicDir().resolve(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
