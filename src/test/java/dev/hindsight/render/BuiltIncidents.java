package dev.hindsight.render;

import dev.hindsight.model.GzipTest;
import org.openqa.selenium.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The incidents of a built site as its incidents.json states them (the typed model, written by another code path
 * than the HTML), with the facts the incident table filters by. Tests compute what a filter must show from these.
 */
public final class BuiltIncidents {
    private BuiltIncidents() {
    }

    /**
     * One incident.
     *
     * @param slug     its slug
     * @param title    its title
     * @param date     its day, ISO, or "" when unknown
     * @param teams    its teams
     * @param status   its review status id
     * @param nearMiss whether it is a near miss
     * @param overdue  how many of its action items are overdue as of the site's today
     */
    public record Incident(String slug, String title, String date, List<String> teams, String status,
                           boolean nearMiss, int overdue) {
        /** Returns the year term the year filter and year pages use: "2024", or "unknown". */
        public String year() {
            return date.isEmpty() ? "unknown" : date.substring(0, 4);
        }
    }

    /** Reads the incidents of the site published in a folder, in the file's order (its parts' when it is split). */
    @SuppressWarnings("unchecked")
    public static List<Incident> read(Path publicDir) {
        try {
            Map<String, Object> model = new Json().toType(Files.readString(publicDir.resolve("incidents.json")), Map.class);
            List<Map<String, Object>> all = new java.util.ArrayList<>();
            if (model.containsKey("parts")) {
                for (Map<String, Object> part : (List<Map<String, Object>>) model.get("parts")) {
                    byte[] gz = Files.readAllBytes(publicDir.resolve((String) part.get("file")));
                    String text = new String(GzipTest.inflate(gz), java.nio.charset.StandardCharsets.UTF_8);
                    Map<String, Object> file = new Json().toType(text, Map.class);
                    all.addAll((List<Map<String, Object>>) file.get("incidents"));
                }
            } else {
                all.addAll((List<Map<String, Object>>) model.get("incidents"));
            }
            return all.stream().map(m -> new Incident(
                    (String) m.get("slug"), (String) m.get("title"), m.get("date") == null ? "" : (String) m.get("date"),
                    (List<String>) m.get("teams"), (String) m.get("status"), Boolean.TRUE.equals(m.get("nearMiss")),
                    (int) ((List<Map<String, Object>>) m.get("actionItems")).stream()
                            .filter(a -> Boolean.TRUE.equals(a.get("overdue"))).count())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
