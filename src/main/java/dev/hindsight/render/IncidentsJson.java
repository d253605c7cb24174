package dev.hindsight.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.hindsight.model.CacheFolder;
import dev.hindsight.model.Coverage;
import dev.hindsight.model.Gzip;
import dev.hindsight.model.IncidentDigests;
import dev.hindsight.model.JsonOut;
import dev.hindsight.model.KeyHash;
import dev.hindsight.model.Page;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.RecordCodec;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Term;
import dev.hindsight.model.Validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes {@code incidents.json}: the whole typed model for other tools, compact, in schema {@value #SCHEMA}
 * (README, "incidents.json"). It holds the site block, the vocabularies, the incidents (see {@link IncidentJson})
 * and the free pages. When that file would be larger than {@link #SPLIT_BYTES}, the incidents go into one file per
 * year instead ({@code incidents-2024.json.gz}, and {@code incidents-unknown.json.gz} for undated ones), and
 * {@code incidents.json} lists them under {@code parts} in place of {@code incidents}. Parts come in the order of
 * their first incident, so reading them in order gives the incidents in the order of the single file (newest
 * first). A part is published gzip-compressed ({@code incidents-2024.json.gz}): JSON of many incidents repeats its
 * keys and words, and compresses to an eighth (at 10,000 incidents, 48.7 MB of parts became 5.8 MB), where the
 * published site was most of all too large.
 */
final class IncidentsJson {
    /**
     * Bumped when a key changes meaning or disappears. 2: compact, bodies optional, split by year when large. 3: no
     * sentence for a similar incident's reason. 4: parts gzip-compressed.
     */
    static final int SCHEMA = 4;
    /** The largest incidents.json written as one file: 8 MiB. Larger, it is split by year. */
    static final long SPLIT_BYTES = 8L * 1024 * 1024;

    private final SiteContext ctx;
    private final boolean bodies;
    private final long splitBytes;
    private final CacheFolder cache;
    private final IncidentDigests digests;

    IncidentsJson(SiteContext ctx, boolean bodies) {
        this(ctx, bodies, SPLIT_BYTES, CacheFolder.none(), IncidentDigests.of(List.of()));
    }

    /**
     * A writer that splits above a size, and keeps the files of years between builds in a cache folder (a
     * disabled one makes every file); tests give a small size, as they cannot make an 8 MiB site cheaply.
     */
    IncidentsJson(SiteContext ctx, boolean bodies, long splitBytes, CacheFolder cache, IncidentDigests digests) {
        Validate.isTrue(splitBytes > 0, "splitBytes must be positive");
        this.ctx = ctx;
        this.bodies = bodies;
        this.splitBytes = splitBytes;
        this.cache = Validate.notNull(cache, "cache");
        this.digests = Validate.notNull(digests, "digests");
    }

    /**
     * A year's file as kept: its compressed bytes, and the characters of its incidents' objects (what the split
     * counts).
     */
    private record Part(long chars, byte[] bytes) {
    }

    /**
     * Returns the files by site path: incidents.json alone, or incidents.json as an index and then the parts.
     *
     * <p>A year's file is kept under the digests of its incidents with their {@link IncidentJson.Inputs}, which are
     * all its objects are made from; after one edit the other years' files are copied (at 10,000 incidents, writing
     * these 48 MB was a tenth of a warm build). Whether to split is decided on the same count of characters either way.
     */
    Map<String, byte[]> files() {
        IncidentJson one = new IncidentJson(ctx, bodies);
        List<Postmortem> incidents = ctx.site.postmortems();
        List<IncidentJson.Inputs> inputs = incidents.parallelStream().map(one::inputs).toList();
        Map<String, List<Integer>> byYear = new LinkedHashMap<>();
        for (int i = 0; i < incidents.size(); i++) {
            byYear.computeIfAbsent(incidents.get(i).yearTerm(), k -> new ArrayList<>()).add(i);
        }
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, Part> kept = new LinkedHashMap<>();
        if (cache.enabled()) {
            // A part is kept compressed: the key holds the compressor's probe, so another zlib makes it again.
            String zlib = Gzip.probe();
            byYear.forEach((year, at) -> {
                KeyHash h = KeyHash.start();
                for (int i : at) {
                    h.update(digests.of(incidents.get(i)).getBytes(StandardCharsets.US_ASCII));
                    RecordCodec.digest(inputs.get(i), h);
                }
                String key = cache.key("incidents-part", SCHEMA + "/" + year + "/" + zlib, h.hex());
                keys.put(year, key);
                cache.getRecord(key, Part.class).ifPresent(part -> kept.put(year, part));
            });
        }
        // Each incident's JSON is made on all cores (in order: the file is the same); one after another, this one
        // job was often the last of the render stage to finish.
        String[] json = new String[incidents.size()];
        make(incidents, inputs, byYear, kept.keySet(), json);
        long chars = kept.values().stream().mapToLong(Part::chars).sum();
        for (String j : json) {
            chars += j == null ? 0 : j.length();
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        // A file has at least as many UTF-8 bytes as characters: past the limit in characters, it is split.
        if (chars <= splitBytes) {
            make(incidents, inputs, byYear, java.util.Set.of(), json);
            List<String> all = java.util.Arrays.asList(json);
            byte[] whole = file(g -> document(g, "incidents", g2 -> raw(g2, all)));
            if (whole.length <= splitBytes) {
                files.put("incidents.json", whole);
                return files;
            }
        }
        files.put("incidents.json", file(g -> document(g, "parts", g2 -> parts(g2, byYear))));
        // Years not kept are written and compressed on all cores, one year to a task.
        Map<String, Part> made = new ConcurrentHashMap<>();
        byYear.entrySet().parallelStream().filter(e -> !kept.containsKey(e.getKey()))
                .forEach(e -> made.put(e.getKey(), newPart(e.getKey(), e.getValue().stream().map(i -> json[i]).toList())));
        for (String year : byYear.keySet()) {
            Part part = kept.get(year);
            if (part == null) {
                part = made.get(year);
                if (cache.enabled()) {
                    cache.putRecord(keys.get(year), part);
                }
            }
            files.put(part(year), part.bytes());
        }
        return files;
    }

    /** Returns a year's part from its incidents' objects, compressed. */
    private Part newPart(String year, List<String> objects) {
        return new Part(objects.stream().mapToLong(String::length).sum(), Gzip.compress(file(g -> {
            g.writeStartObject();
            g.writeNumberField("schema", SCHEMA);
            g.writeStringField("generator", "hindsight");
            g.writeBooleanField("bodies", bodies);
            year(g, year);
            g.writeFieldName("incidents");
            raw(g, objects);
            g.writeEndObject();
        }), Gzip.DEFAULT));
    }

    /** Makes the objects of the incidents of every year but those skipped, on all cores, into their places. */
    private static void make(List<Postmortem> incidents, List<IncidentJson.Inputs> inputs, Map<String, List<Integer>> byYear,
                             java.util.Set<String> skipped, String[] json) {
        List<Integer> todo = new ArrayList<>();
        byYear.forEach((year, at) -> {
            if (!skipped.contains(year)) {
                at.stream().filter(i -> json[i] == null).forEach(todo::add);
            }
        });
        List<String> made = todo.parallelStream().map(i -> IncidentJson.json(incidents.get(i), inputs.get(i))).toList();
        for (int k = 0; k < todo.size(); k++) {
            json[todo.get(k)] = made.get(k);
        }
    }

    /** Returns the site path of the part of a year term (a year, or Postmortem.UNDATED), a gzip-compressed file. */
    static String part(String yearTerm) {
        return "incidents-" + yearTerm + ".json.gz";
    }

    private void document(JsonGenerator g, String listName, JsonOut.Body list) throws IOException {
        SiteConfig cfg = ctx.site.config();
        g.writeStartObject();
        g.writeNumberField("schema", SCHEMA);
        g.writeStringField("generator", "hindsight");
        g.writeBooleanField("bodies", bodies);
        g.writeObjectFieldStart("site");
        g.writeStringField("title", cfg.title());
        g.writeStringField("description", cfg.description());
        g.writeStringField("baseUrl", cfg.baseUrl());
        g.writeStringField("language", cfg.language());
        g.writeStringField("timeZone", cfg.zone().getId());
        g.writeStringField("asOf", cfg.today().toString());
        Coverage found = Coverage.of(ctx.site.postmortems());
        g.writeObjectFieldStart("found");
        g.writeNumberField("incidents", found.incidents());
        g.writeNumberField("date", found.percent(found.date()));
        g.writeNumberField("summary", found.percent(found.summary()));
        g.writeNumberField("timeline", found.percent(found.timeline()));
        g.writeNumberField("startTime", found.percent(found.start()));
        g.writeNumberField("actionItems", found.percent(found.actionItems()));
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectFieldStart("vocabularies");
        vocabulary(g, "severities", cfg.severities());
        vocabulary(g, "causes", cfg.causes());
        vocabulary(g, "services", cfg.services());
        vocabulary(g, "teams", cfg.teams());
        g.writeEndObject();
        g.writeFieldName(listName);
        list.write(g);
        g.writeArrayFieldStart("pages");
        for (Page p : ctx.pages) {
            g.writeStartObject();
            g.writeStringField("slug", p.slug());
            g.writeStringField("title", p.title());
            g.writeStringField("url", RelativeLinks.absolute(cfg.baseUrl(), p.slug() + "/"));
            g.writeStringField("source", p.source());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void parts(JsonGenerator g, Map<String, List<Integer>> byYear) throws IOException {
        g.writeStartArray();
        for (var e : byYear.entrySet()) {
            g.writeStartObject();
            year(g, e.getKey());
            g.writeStringField("file", part(e.getKey()));
            g.writeStringField("compression", "gzip");
            g.writeStringField("url", RelativeLinks.absolute(ctx.site.config().baseUrl(), part(e.getKey())));
            g.writeNumberField("incidents", e.getValue().size());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Writes the year of a part: a number, or null for the undated incidents. */
    private static void year(JsonGenerator g, String yearTerm) throws IOException {
        if (yearTerm.equals(Postmortem.UNDATED)) {
            g.writeNullField("year");
        } else {
            g.writeNumberField("year", Integer.parseInt(yearTerm));
        }
    }

    private static void raw(JsonGenerator g, List<String> incidents) throws IOException {
        g.writeStartArray();
        for (String json : incidents) {
            g.writeRawValue(json);
        }
        g.writeEndArray();
    }

    private static void vocabulary(JsonGenerator g, String name, List<Term> terms) throws IOException {
        g.writeArrayFieldStart(name);
        for (Term t : terms) {
            g.writeStartObject();
            g.writeStringField("id", t.id());
            g.writeStringField("label", t.label());
            g.writeStringField("description", t.description());
            g.writeStringField("team", t.team().orElse(null));
            g.writeArrayFieldStart("links");
            for (var l : t.links()) {
                g.writeStartObject();
                g.writeStringField("name", l.name());
                g.writeStringField("url", l.url());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Returns a compact document as the bytes of a file, ending in a newline. */
    private static byte[] file(JsonOut.Body body) {
        return (JsonOut.string(JsonOut.Layout.COMPACT, body) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
