package dev.hindsight.config;

import dev.hindsight.model.ActionType;
import dev.hindsight.model.KeyAliases;
import dev.hindsight.model.LintRule;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Result;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.SynonymGroup;
import dev.hindsight.model.Term;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Reads {@code site.yml} from a content folder into a {@link SiteConfig}.
 *
 * <p>A missing file gives defaults: the folder name as title, base URL {@code /}, language {@code en}, zone UTC,
 * empty vocabularies (an empty vocabulary means any id is accepted) and an action-item SLO of
 * {@value #DEFAULT_SLO_DAYS} days for prevent and mitigate items. Bad YAML and wrong types become problems on
 * {@code site.yml} with a line; the setting then keeps its default. Unknown keys are kept out and noted.
 * {@code import.keys} adds front-matter keys of other tools to {@link KeyAliases} (see {@link ImportSettings}).
 */
public final class SiteConfigLoader {
    /** The file name of the settings file in a content folder. */
    public static final String FILE = "site.yml";
    /** The default number of days to close prevent and mitigate action items. */
    public static final int DEFAULT_SLO_DAYS = 56;

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    /** Loads site.yml from a content folder; a missing file gives defaults named after the folder. */
    public Result<SiteConfig> load(Path contentDir, LocalDate today) {
        Settings s = new Settings(folderTitle(contentDir), today);
        Path file = contentDir.resolve(FILE);
        List<Problem> problems = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            problems.add(Problem.info(FILE, 0, "config-default", "no site.yml: using defaults (title '" + s.title
                    + "', open vocabularies)"));
            return new Result<>(s.build(), problems);
        }
        Result<Optional<String>> text = SourceText.read(file, FILE);
        problems.addAll(text.problems());
        if (text.value().isEmpty()) {
            return new Result<>(s.build(), problems);
        }
        Result<Optional<YamlNode>> yaml = new YamlReader().read(text.value().get(), FILE, 1);
        problems.addAll(yaml.problems());
        if (yaml.value().isEmpty()) {
            return new Result<>(s.build(), problems);
        }
        if (!(yaml.value().get() instanceof YamlNode.Mapping root)) {
            problems.add(Problem.error(FILE, yaml.value().get().line(), "wrong-type",
                    "site.yml must be a map of settings, not " + yaml.value().get().kind() + "; defaults are used"));
            return new Result<>(s.build(), problems);
        }
        YamlFields fields = new YamlFields(FILE, problems);
        for (YamlNode.Entry e : root.entries()) {
            apply(s, e, fields);
        }
        return new Result<>(s.build(), problems);
    }

    private static void apply(Settings s, YamlNode.Entry e, YamlFields fields) {
        VocabularyReader vocabulary = new VocabularyReader(fields);
        switch (e.key()) {
            case "title" -> fields.text(e).ifPresent(v -> s.title = v);
            case "description" -> fields.text(e).ifPresent(v -> s.description = v);
            case "base_url" -> fields.text(e).ifPresent(v -> s.baseUrl = baseUrl(v, e.line(), fields));
            case "language" -> fields.text(e).ifPresent(v -> {
                if (LANGUAGE.matcher(v).matches()) {
                    s.language = v;
                } else {
                    fields.error(e.line(), "config", "language must be a language tag like en or en-GB, not '" + v + "'");
                }
            });
            case "timezone" -> fields.text(e).ifPresent(v -> {
                try {
                    s.zone = ZoneId.of(v);
                } catch (DateTimeException ex) {
                    fields.error(e.line(), "config", "timezone '" + v
                            + "' is not a time zone id (use e.g. UTC or Europe/Copenhagen); UTC is used");
                }
            });
            case "action_item_slo" -> fields.map(e).ifPresent(m -> slo(s, m, fields));
            case "severities" -> s.severities = vocabulary.terms(e);
            case "causes" -> s.causes = vocabulary.terms(e);
            case "services" -> s.services = vocabulary.terms(e);
            case "teams" -> s.teams = vocabulary.terms(e);
            case "essential" -> s.essential = fields.texts(e);
            case "blameless" -> s.blameless = vocabulary.rules(e);
            case "search" -> fields.map(e).ifPresent(m -> search(s, m, fields));
            case "import" -> s.keyAliases = ImportSettings.read(e, fields);
            case "reminders" -> fields.bool(e).ifPresent(v -> s.reminders = v);
            default -> fields.info(e.line(), "unknown-key", "unknown setting `" + e.key() + "` is ignored (known: title, "
                    + "description, base_url, language, timezone, action_item_slo, severities, causes, services, teams, "
                    + "essential, blameless, search, import, reminders)");
        }
    }

    private static void search(Settings s, YamlNode.Mapping m, YamlFields fields) {
        for (YamlNode.Entry e : m.entries()) {
            if (!e.key().equals("synonyms")) {
                fields.info(e.line(), "unknown-key", "unknown setting `search." + e.key() + "` is ignored (known: synonyms)");
                continue;
            }
            fields.list(e).ifPresent(list -> {
                for (YamlNode item : list.items()) {
                    Optional<String> line = fields.text("search.synonyms", item);
                    line.ifPresent(text -> {
                        Result<Optional<SynonymGroup>> group = SynonymGroup.parse(text, FILE + ":" + item.line());
                        group.value().ifPresent(s.synonyms::add);
                        group.problems().forEach(p -> fields.error(item.line(), "synonyms", p.message()
                                + " (search.synonyms takes lines like `k8s, kubernetes`)"));
                    });
                }
            });
        }
    }

    private static void slo(Settings s, YamlNode.Mapping m, YamlFields fields) {
        for (YamlNode.Entry e : m.entries()) {
            Optional<ActionType> type = ActionType.parse(e.key());
            if (type.isEmpty()) {
                fields.warning(e.line(), "config", "action_item_slo: unknown action type `" + e.key()
                        + "` (known: mitigate, prevent, detect, process, other)");
                continue;
            }
            OptionalLong days = fields.number(e);
            if (days.isPresent() && (days.getAsLong() < 1 || days.getAsLong() > 3650)) {
                fields.error(e.line(), "config", "action_item_slo." + e.key() + " must be between 1 and 3650 days");
            } else if (days.isPresent()) {
                s.slo.put(type.get(), (int) days.getAsLong());
            }
        }
    }

    /** Returns the base URL ending in '/'; a value that is neither absolute nor rooted is kept, with a warning. */
    static String baseUrl(String value, int line, YamlFields fields) {
        String v = value.strip();
        String lower = v.toLowerCase(java.util.Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("http://") && !v.startsWith("/")) {
            fields.warning(line, "config", "base_url should be an absolute URL (https://...) or a path starting with '/'");
        }
        return v.endsWith("/") ? v : v + "/";
    }

    private static String folderTitle(Path contentDir) {
        Path name = contentDir.toAbsolutePath().normalize().getFileName();
        return name == null || name.toString().isBlank() ? "Hindsight" : name.toString();
    }

    /** The settings being read, starting from the defaults. */
    private static final class Settings {
        private String title;
        private String description = "";
        private String baseUrl = "/";
        private String language = "en";
        private ZoneId zone = ZoneOffset.UTC;
        private List<Term> severities = List.of();
        private List<Term> causes = List.of();
        private List<Term> services = List.of();
        private List<Term> teams = List.of();
        private List<String> essential = List.of();
        private List<LintRule> blameless = List.of();
        private final List<SynonymGroup> synonyms = new java.util.ArrayList<>();
        private KeyAliases keyAliases = KeyAliases.BUILT_IN;
        private boolean reminders;
        private final Map<ActionType, Integer> slo = new EnumMap<>(ActionType.class);
        private final LocalDate today;

        Settings(String title, LocalDate today) {
            this.title = title;
            this.today = today;
            slo.put(ActionType.PREVENT, DEFAULT_SLO_DAYS);
            slo.put(ActionType.MITIGATE, DEFAULT_SLO_DAYS);
        }

        SiteConfig build() {
            return new SiteConfig(title, description, baseUrl, language, zone, severities, causes, services, teams,
                    slo, essential, blameless, today, synonyms, keyAliases, reminders);
        }
    }
}
