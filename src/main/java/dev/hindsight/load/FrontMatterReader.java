package dev.hindsight.load;

import dev.hindsight.config.YamlFields;
import dev.hindsight.config.YamlNode;
import dev.hindsight.model.FrontMatterKey;
import dev.hindsight.model.Impact;
import dev.hindsight.model.KeyTarget;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Status;
import dev.hindsight.model.Term;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads the keys of a front matter (YAML or JBake) into a {@link Draft}, one key at a time, so a key with a wrong
 * type is reported (naming the key and its line) and left out while the other keys still count. The known keys
 * are those of {@link FrontMatterKey}; a key of another tool listed in {@link dev.hindsight.model.KeyAliases} is read
 * as the key it stands for and also kept as text in {@code extra}; any other key is kept in {@code extra} and noted.
 */
final class FrontMatterReader {
    /** Keys JBake requires in its header that mean nothing to Hindsight. */
    private static final Set<String> JBAKE_KEYS = Set.of("type", "jbake-type");

    /** What a rejected incident date means, in {@link DateBounds} messages. */
    static final String UNDATED = "the incident is shown as undated";

    private final YamlFields fields;
    private final SiteConfig config;
    private final DateBounds bounds;

    FrontMatterReader(YamlFields fields, SiteConfig config, DateBounds bounds) {
        this.fields = fields;
        this.config = config;
        this.bounds = bounds;
    }

    /**
     * The tables in which site generators keep their users' own keys: Hugo's {@code params}, Zola's {@code extra}.
     * Their keys are read as if written at the top level.
     */
    static final Set<String> NESTS = Set.of("params", "extra");

    /** Reads every key of a header into the draft, reading the aliases of other tools as our keys. */
    void read(YamlNode.Mapping keys, FrontMatter.Form form, Draft d) {
        for (KeyResolver.Resolved r : KeyResolver.resolve(unnested(keys), config.keyAliases(), fields)) {
            YamlNode.Entry e = r.entry();
            if (r.ours().isPresent()) {
                read(r.ours().get(), e, d);
                continue;
            }
            if (form == FrontMatter.Form.JBAKE && JBAKE_KEYS.contains(e.key())) {
                continue;
            }
            d.extra.put(e.key(), e.value().text());
            if (!r.alias()) {
                fields.info(e.line(), "unknown-key", "unknown front-matter key `" + e.key()
                        + "` is kept as extra data; see the authoring guide for the known keys");
            }
            r.target().ifPresent(t -> readAs(t, e, d));
        }
        if (d.date.isEmpty() && !d.dateOutOfRange && d.timesDeclared.containsKey("started")) {
            startDay(d.timesDeclared.get("started").entry(), d);
        }
    }

    /**
     * Returns the header with the keys of a {@link #NESTS} table in the table's place ({@code [params]} then
     * {@code severity = "SEV2"} reads as {@code severity: SEV2}). A key the top level also gives keeps the top
     * level's value; the nested one stays as extra data under its dotted name ({@code params.severity}), so nothing
     * is lost.
     */
    static YamlNode.Mapping unnested(YamlNode.Mapping keys) {
        if (keys.entries().stream().noneMatch(FrontMatterReader::isNest)) {
            return keys;
        }
        Set<String> top = new java.util.HashSet<>();
        keys.entries().stream().filter(e -> !isNest(e)).forEach(e -> top.add(e.key()));
        java.util.List<YamlNode.Entry> out = new java.util.ArrayList<>();
        for (YamlNode.Entry e : keys.entries()) {
            if (!isNest(e)) {
                out.add(e);
                continue;
            }
            for (YamlNode.Entry inner : ((YamlNode.Mapping) e.value()).entries()) {
                boolean free = top.add(inner.key());
                out.add(free ? inner : new YamlNode.Entry(e.key() + "." + inner.key(), inner.line(), inner.value()));
            }
        }
        return new YamlNode.Mapping(out, keys.line());
    }

    private static boolean isNest(YamlNode.Entry e) {
        return NESTS.contains(e.key()) && e.value() instanceof YamlNode.Mapping;
    }

    /** Reads an alias's value as the key (or the part of a map-valued key) it stands for. */
    private void readAs(KeyTarget target, YamlNode.Entry e, Draft d) {
        if (target.part().isEmpty()) {
            read(target.key(), e, d);
        } else if (target.key() == FrontMatterKey.TIMES) {
            d.timesDeclared.put(target.part().get(), new Draft.Declared(e, "`" + e.key() + "` (read as `"
                    + target.name() + "`)"));
        } else {
            impactPart(target.part().get(), e, d);
        }
    }

    /**
     * Without a {@code date:}, the day of a declared start ("2021-03-04 13:05:00", or ISO-8601) is the date; a day
     * outside the {@link DateBounds} is reported and leaves the incident undated.
     */
    private void startDay(YamlNode.Entry started, Draft d) {
        String v = started.value().text().strip();
        if (v.length() >= 10) {
            try {
                LocalDate written = LocalDate.parse(v.substring(0, 10));
                Optional<LocalDate> day = bounds.day(written, started.line(), "the day of `" + started.key() + "`",
                        UNDATED);
                d.dateOutOfRange = day.isEmpty();
                d.date = day;
                day.ifPresent(ok -> d.inferred("date", ok.toString(), "the day of `" + started.key() + "` in the front matter"));
            } catch (java.time.format.DateTimeParseException ex) {
                // not a date: the start is reported when it is read as a time
            }
        }
    }

    private static final java.util.regex.Pattern EPOCH_SECONDS = java.util.regex.Pattern.compile("\\d{9,10}");

    /**
     * Reads a front-matter date written otherwise than YYYY-MM-DD, when the whole value is one date that cannot be
     * read two ways: "March 3rd 2023", "3 Mar 2023", "2023/03/04", "13/04/2023", or Unix seconds ("1678233600", as
     * some exports write it, read in UTC). "03/04/2023" is either day first or month first: not read.
     */
    static Optional<LocalDate> otherDate(String value) {
        String v = value.strip();
        if (EPOCH_SECONDS.matcher(v).matches()) {
            return Optional.of(java.time.Instant.ofEpochSecond(Long.parseLong(v)).atZone(java.time.ZoneOffset.UTC).toLocalDate());
        }
        return DateFinder.first(v).filter(f -> f.start() == 0 && TIME_AFTER.matcher(v.substring(f.end())).matches())
                .map(DateFinder.Found::date);
    }

    /** What may follow a date written another way: nothing, or a time of day with its zone ("10:00 UTC", "at 2:03 PM"). */
    private static final java.util.regex.Pattern TIME_AFTER = java.util.regex.Pattern.compile(
            "(?i)[\\s.,]*(?:(?:at\\s+)?\\d{1,2}:\\d{2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?\\s*(?:[a-z]{1,5}|[+-]\\d{2}:?\\d{2})?[\\s.]*)?");
    private static final java.util.regex.Pattern DATE_WITH_TIME =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?\\s?(Z|[+-]\\d{2}:?\\d{2}|UTC|GMT)?");

    private void read(FrontMatterKey key, YamlNode.Entry e, Draft d) {
        switch (key) {
            case TITLE -> fields.text(e).ifPresent(v -> d.title = Optional.of(v));
            case DATE -> {
                Optional<LocalDate> written = fields.date(e, FrontMatterReader::otherDate);
                Optional<LocalDate> day = written.flatMap(v -> bounds.day(v, e.line(), "`" + e.key() + "`", UNDATED));
                d.dateOutOfRange |= written.isPresent() && day.isEmpty();
                d.date = day.or(() -> d.date);
                // A date with a time of day ("2020-12-07 13:00:00", as status-page tools write it) also says when the
                // incident started, unless times.started says otherwise (or the date is out of range: reported once).
                if (day.isPresent() && fields.text(e).filter(v -> DATE_WITH_TIME.matcher(v).matches()).isPresent()) {
                    d.timesDeclared.putIfAbsent("started", new Draft.Declared(e, "`date`"));
                }
            }
            case SEVERITY -> fields.text(e).ifPresent(v -> d.severity = Optional.of(term(config.severities(), v, e)));
            case STATUS -> fields.text(e).ifPresent(v -> Status.parse(v).ifPresentOrElse(s -> d.status = s,
                    () -> fields.error(e.line(), "wrong-type", "`status` must be draft, in-review or published, not '"
                            + v + "'; published is used")));
            case SUMMARY -> fields.text(e).ifPresent(v -> d.summary = Optional.of(v.replaceAll("\\s+", " ")));
            case SERVICES -> d.services = Optional.of(terms(config.services(), e));
            case TEAMS -> d.teams = Optional.of(terms(config.teams(), e));
            case TAGS -> d.tags = Optional.of(tags(e));
            case CAUSES -> d.causes = terms(config.causes(), e);
            case TRIGGER -> d.trigger = fields.text(e);
            case DETECTION -> d.detection = fields.text(e);
            case NEAR_MISS -> fields.bool(e).ifPresent(b -> d.nearMiss = b);
            case ESSENTIAL -> fields.bool(e).ifPresent(b -> d.essential = b);
            case TIMES -> fields.map(e).ifPresent(m -> times(m, d));
            case IMPACT -> {
                // Free text ("impact: checkout was down for EU users"), as other tools write it, is kept as extra data.
                if (e.value() instanceof YamlNode.Scalar s && !s.isNull()) {
                    d.extra.put(e.key(), s.value());
                } else {
                    fields.map(e).ifPresent(m -> impact(m, d));
                }
            }
            case AUTHORS -> d.authors = Optional.of(fields.texts(e));
            case RELATED -> d.related = fields.texts(e);
            case RECURRENCE_OF -> d.recurrenceOf = fields.texts(e);
            case NOT_RECURRENCE_OF -> d.notRecurrenceOf = fields.texts(e);
            case CAUSAL_SERVICE -> fields.text(e).ifPresent(v -> d.causalService = Optional.of(term(config.services(), v, e)));
            case ACTION_ITEMS -> fields.list(e).ifPresent(l -> d.actionItems = Optional.of(new FrontMatterActions(fields, bounds).read(l)));
            case SLUG -> fields.text(e).ifPresent(v -> d.slug = Optional.of(slug(v, e.line())));
            case WEIGHT -> d.weight = fields.number(e);
            default -> {
                d.extra.put(e.key(), e.value().text());
                fields.info(e.line(), "unknown-key", "front-matter key `" + e.key() + "` does not apply to a postmortem"
                        + " and is kept as extra data");
            }
        }
    }

    private void times(YamlNode.Mapping m, Draft d) {
        for (YamlNode.Entry t : m.entries()) {
            if (FrontMatterKey.TIMES.parts().contains(t.key())) {
                d.timesDeclared.put(t.key(), new Draft.Declared(t, "`times." + t.key() + "`"));
            } else {
                fields.warning(t.line(), "unknown-key", "times: unknown key `" + t.key() + "` (known: "
                        + String.join(", ", FrontMatterKey.TIMES.parts()) + "); it is ignored");
            }
        }
    }

    private void impact(YamlNode.Mapping m, Draft d) {
        for (YamlNode.Entry e : m.entries()) {
            if (FrontMatterKey.IMPACT.parts().contains(e.key())) {
                impactPart(e.key(), e, d);
            } else {
                fields.info(e.line(), "unknown-key", "impact: unknown key `" + e.key() + "` (known: "
                        + String.join(", ", FrontMatterKey.IMPACT.parts()) + "); it is ignored");
            }
        }
    }

    private void impactPart(String part, YamlNode.Entry e, Draft d) {
        Impact i = d.impact;
        switch (part) {
            case "users_affected" -> fields.number(e).ifPresent(n -> d.impact = new Impact(OptionalLong.of(n),
                    i.customerFacing(), i.supportTickets()));
            case "customer_facing" -> fields.bool(e).ifPresent(b -> d.impact = new Impact(i.usersAffected(),
                    Optional.of(b), i.supportTickets()));
            default -> fields.number(e).ifPresent(n -> d.impact = new Impact(i.usersAffected(), i.customerFacing(),
                    OptionalLong.of(n)));
        }
    }

    /**
     * Reads tags: a list, or one text split at commas; Jekyll's {@code tags} and {@code categories} written as one
     * text without commas are split at spaces, as Jekyll splits them ({@code categories: incident dns networking}).
     */
    private List<String> tags(YamlNode.Entry e) {
        List<String> tags = fields.texts(e);
        boolean jekyll = SPACE_SEPARATED_KEYS.contains(e.key().toLowerCase(java.util.Locale.ROOT))
                && e.value() instanceof YamlNode.Scalar s && !s.isNull() && !s.value().contains(",");
        return jekyll && tags.size() == 1 ? List.of(tags.get(0).split("\\s+")) : tags;
    }

    /** The tag keys Jekyll splits at spaces when written as one text. */
    private static final java.util.Set<String> SPACE_SEPARATED_KEYS = java.util.Set.of("tags", "categories");

    /**
     * Returns the slug a {@code slug} value gives. A path ({@code /incidents/db-outage/}, as Docusaurus and Jekyll
     * write a page's address) gives its last part, since an incident's address is always {@code incidents/<slug>/};
     * a note says so.
     */
    private String slug(String written, int line) {
        String value = written;
        String[] parts = value.split("/");
        // A path that climbs ("../x") is no page address: it gets the unsafe-slug warning below.
        if (parts.length > 1 && java.util.Arrays.stream(parts).map(String::strip).noneMatch(part -> part.equals("..") || part.equals("."))) {
            String last = java.util.Arrays.stream(parts).filter(part -> !part.isBlank()).reduce((a, b) -> b).orElse("");
            last = last.replaceFirst("(?i)\\.html?$", "");
            if (!last.isEmpty()) {
                fields.info(line, "slug-path", "slug '" + written + "' is a path; its last part '" + last
                        + "' is the slug (an incident's page is always incidents/<slug>/)");
                value = last;
            }
        }
        String s = Slugs.of(value);
        if (!s.equals(value)) {
            fields.warning(line, "slug", "slug '" + value + "' is not a safe URL slug (lower-case letters, digits and "
                    + "'-' only); '" + s + "' is used");
        }
        return s;
    }

    /**
     * Returns the vocabulary id matching a value by id or label, ignoring case; else the one id or label it matches
     * when spaces, hyphens and other marks are left out too ({@code Sev 1} and {@code SEV-1} for {@code SEV1},
     * {@code Checkout API} for {@code checkout-api}); else the value.
     */
    static String canonical(List<Term> vocabulary, String value) {
        for (Term t : vocabulary) {
            if (t.id().equalsIgnoreCase(value) || t.label().equalsIgnoreCase(value)) {
                return t.id();
            }
        }
        String loose = loose(value);
        List<String> near = loose.isEmpty() ? List.of() : vocabulary.stream()
                .filter(t -> loose(t.id()).equals(loose) || loose(t.label()).equals(loose)).map(Term::id).distinct().toList();
        return near.size() == 1 ? near.get(0) : value;
    }

    /** Returns a value's letters and digits, in lower case. */
    private static String loose(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        value.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /**
     * Returns a front-matter value's vocabulary id, as {@link #canonical} finds it, with a note where only the loose
     * match found it: the page shows the id, and the author learns how to write it.
     */
    private String term(List<Term> vocabulary, String value, YamlNode.Entry e) {
        String id = canonical(vocabulary, value);
        boolean exact = vocabulary.stream().anyMatch(t -> t.id().equalsIgnoreCase(value) || t.label().equalsIgnoreCase(value));
        if (!exact && !id.equals(value)) {
            fields.info(e.line(), "term-form", "`" + e.key() + "` '" + value + "' is read as " + id
                    + " (site.yml's term, matched without case, spaces and marks); write it as " + id);
        }
        return id;
    }

    private List<String> terms(List<Term> vocabulary, YamlNode.Entry e) {
        return fields.texts(e).stream().map(v -> term(vocabulary, v, e)).distinct().toList();
    }
}
