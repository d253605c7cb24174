package dev.hindsight.load;

import dev.hindsight.model.SectionKind;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognizes section headings and their synonyms, ignoring case, Markdown emphasis, numbering ("1.", "2)",
 * "Step 3:"), a trailing colon or question mark, and a trailing remark in parentheses
 * ("Contributing Factors (findings)", "Immediate actions (completed)"). A heading that is no known name is scored
 * word by word against each section's cue words ({@link #CUES}), so unseen phrasings ("Details of fix",
 * "Follow-up tasks", "Impact assessment") land: the kind with the highest score wins when it has a strong cue and no
 * other kind ties it.
 */
final class SectionNames {
    /** A lessons-learned bucket. */
    enum Bucket { WENT_WELL, WENT_WRONG, LUCKY }

    /**
     * The lessons buckets' usual names in the other languages {@link #otherLanguages} knows (before the tables that
     * are made from it).
     */
    private static final Map<Bucket, List<String>> OTHER_BUCKETS = Map.of(
            Bucket.WENT_WELL, List.of("was lief gut", "was gut lief", "ce qui a bien fonctionné", "ce qui a bien marché",
                    "qué salió bien", "lo que salió bien", "o que deu certo", "o que funcionou", "良かった点",
                    "うまくいったこと", "做得好的", "做得好的地方"),
            Bucket.WENT_WRONG, List.of("was lief schlecht", "was schief lief", "was nicht gut lief",
                    "ce qui n'a pas fonctionné", "ce qui a mal fonctionné", "qué salió mal", "lo que salió mal",
                    "o que deu errado", "o que não funcionou", "悪かった点", "うまくいかなかったこと", "改善点",
                    "做得不好的", "不足之处"),
            Bucket.LUCKY, List.of("wo wir glück hatten", "glück gehabt", "où nous avons eu de la chance",
                    "dónde tuvimos suerte", "onde tivemos sorte", "幸運だった点", "幸运的是"));

    private static final Map<String, SectionKind> KINDS = kinds();
    private static final Map<String, Bucket> BUCKETS = buckets();
    /**
     * A heading's number: "3. ", "iv) ", "b: ", "Step 2 ", and a numbered subsection's "5.1 " (its dot is optional: a
     * lone "5 " is not taken, so "5 whys" keeps its number).
     */
    private static final Pattern NUMBERING = Pattern.compile(
            "^((step|part|section)\\s+\\d+[.):]?\\s+|\\d+(\\.\\d+)+[.):]?\\s+|(\\d+|[ivx]+|[a-h])[.):]\\s+)");
    private static final Pattern TRAILING_REMARK = Pattern.compile("\\s*\\([^()]*\\)\\s*$");
    /** Emphasis, the brackets Japanese and Chinese headings are often set in ("【概要】"), and Spanish opening marks. */
    private static final Pattern DECORATION = Pattern.compile("[*_`~#\u3010\u3011\u3016\u3017\u00bf\u00a1]");
    /** Emoji shortcodes (":warning:") and emoji, which some templates put before every heading. */
    private static final Pattern EMOJI = Pattern.compile(":[a-z0-9_+-]+:|[\\p{So}\\p{Sk}\\x{FE0F}\\x{200D}\\x{20E3}]");
    /** A trailing qualifier after a dash or colon ("Timeline - all times UTC"), tried off when the whole is unknown. */
    private static final Pattern TRAILING_QUALIFIER = Pattern.compile("\\s*:\\s+.*$|\\s+[-\u2013\u2014|]\\s+.*$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s:?.!\\-\u2013\u2014\uff1a\uff1f\u3002]+$");

    /** Cue words per kind: 2 for a word that names the section on its own, 1 for one that only leans to it. */
    private static final Map<SectionKind, Map<String, Integer>> CUES = Map.of(
            SectionKind.SUMMARY, cues("summary overview tldr synopsis abstract recap", ""),
            SectionKind.IMPACT, cues("impact impacts", "affected scope"),
            SectionKind.TIMELINE, cues("timeline timelines chronology leadup", "events sequence"),
            SectionKind.ROOT_CAUSE, cues("cause causes rca", "contributing factors analysis why"),
            SectionKind.TRIGGER, cues("trigger triggers", "triggered"),
            SectionKind.DETECTION, cues("detection discovery", "detected alerting"),
            SectionKind.RESOLUTION, cues("resolution solution fix fixes mitigation mitigations remediation recovery "
                    + "repair workaround restoration", "resolve resolved response"),
            SectionKind.FIVE_WHYS, cues("whys", ""),
            SectionKind.LESSONS, cues("lessons learnings takeaways retrospective", "learned learnt"),
            SectionKind.ACTION_ITEMS, cues("action actions follow followups tasks todos improvements", "items steps next "
                    + "prevention preventive corrective prevent again"));
    /** The score a kind needs: one strong cue. */
    private static final int STRONG = 2;
    private static final Pattern WORDS = Pattern.compile("[a-z0-9]+");

    private static Map<String, SectionKind> kinds() {
        Map<String, SectionKind> m = new HashMap<>();
        put(m, SectionKind.SUMMARY, "summary", "overview", "executive summary", "description", "what happened",
                "incident summary", "tl;dr", "tldr", "abstract", "synopsis");
        put(m, SectionKind.IMPACT, "impact", "customer impact", "user impact", "incident impact", "business impact",
                "impact and scope", "user-facing impact", "customer-facing impact");
        put(m, SectionKind.TIMELINE, "timeline", "chronology", "sequence of events", "incident timeline",
                "timeline summary", "key events", "timeline of events", "detailed timeline", "events", "leadup",
                "lead-up", "lead up", "timeline of the incident", "incident chronology", "sequence of events leading up");
        put(m, SectionKind.ROOT_CAUSE, "root cause", "root causes", "root cause analysis", "contributing factors",
                "contributing factor", "cause", "causes", "analysis", "identified cause", "why did it happen",
                "how did it happen", "causes and contributing factors", "root cause and contributing factors", "rca",
                "technical details", "technical analysis");
        put(m, SectionKind.TRIGGER, "trigger", "triggers", "what triggered it", "triggering event");
        put(m, SectionKind.DETECTION, "detection", "how was it detected", "how it was detected", "identified",
                "discovery", "how we found out", "how was the incident detected");
        put(m, SectionKind.RESOLUTION, "resolution", "recovery", "mitigation", "remediation", "resolution and recovery",
                "recovery and resolution", "mitigation and resolution", "fix", "the fix", "repair",
                "incident response", "resolution and mitigation");
        put(m, SectionKind.FIVE_WHYS, "five whys", "5 whys", "the five whys", "the 5 whys", "5-whys", "five-whys");
        put(m, SectionKind.LESSONS, "lessons learned", "lessons learnt", "lessons", "learnings", "retrospective",
                "what went well", "what went wrong", "where we got lucky", "things that went well",
                "things that went wrong", "lucky", "key takeaways", "takeaways", "insights", "what went poorly",
                "what didn't go well", "what did not go well", "what could have gone better", "reflections",
                "what we learned", "what we learnt");
        put(m, SectionKind.ACTION_ITEMS, "action items", "action item", "follow-ups", "follow ups", "follow-up",
                "follow up", "followups", "corrective actions", "next steps", "action points", "actions",
                "review actions", "actions following review", "future actions", "corrective and preventative measures",
                "corrective and preventive measures", "corrective and preventive actions",
                "how are we preventing it from happening again", "preventing recurrence", "remediation items",
                "remediations", "todo", "to do", "tasks", "improvements", "planned actions", "immediate actions",
                "short-term improvements", "medium-term improvements", "long-term improvements", "moving forward",
                "prevention", "what we'll do", "what we will do", "what we're doing", "what we are doing",
                "what we're doing about it", "what we are doing about it", "what we'll change", "what we will change",
                "what we're changing", "what we are changing", "what's next", "what is next", "going forward",
                "preventive measures", "preventative measures", "how we'll prevent this", "how we will prevent this");
        otherLanguages(m);
        return Map.copyOf(m);
    }

    /**
     * The usual section names of postmortems written in German, French, Spanish, Portuguese, Japanese and Chinese,
     * so a collection in another language gets its sections (and its timeline and action items read) too. Whole
     * names only: the cue words that score unseen phrasings are English.
     */
    private static void otherLanguages(Map<String, SectionKind> m) {
        put(m, SectionKind.SUMMARY, "zusammenfassung", "überblick", "übersicht", "kurzfassung", "résumé", "synthèse",
                "vue d'ensemble", "resumen", "resumen ejecutivo", "resumo", "sumário", "概要", "サマリー", "要約", "概述",
                "摘要", "事故概述", "故障概述");
        put(m, SectionKind.IMPACT, "auswirkung", "auswirkungen", "impacto", "影響", "影響範囲", "影響内容", "影响",
                "影响范围");
        put(m, SectionKind.TIMELINE, "zeitleiste", "zeitverlauf", "zeitlicher ablauf", "ablauf", "chronologie",
                "déroulement", "cronología", "línea de tiempo", "línea temporal", "linha do tempo", "cronologia",
                "タイムライン", "時系列", "経緯", "対応経緯", "発生経緯", "时间线", "时间轴", "故障时间线");
        put(m, SectionKind.ROOT_CAUSE, "ursache", "ursachen", "grundursache", "fehlerursache", "ursachenanalyse",
                "cause racine", "causes racines", "cause première", "analyse des causes", "causa raíz", "causa raiz",
                "causa-raiz", "análisis de causa raíz", "原因", "根本原因", "発生原因", "原因分析", "根因", "根因分析",
                "故障原因");
        put(m, SectionKind.DETECTION, "erkennung", "détection", "detección", "detecção", "検知", "发现");
        put(m, SectionKind.RESOLUTION, "lösung", "behebung", "fehlerbehebung", "wiederherstellung", "résolution",
                "remédiation", "rétablissement", "resolución", "mitigación", "solución", "resolução", "mitigação",
                "solução", "対応", "対応内容", "復旧", "復旧対応", "暫定対応", "解决方案", "处理过程", "恢复", "修复");
        OTHER_BUCKETS.values().forEach(names -> put(m, SectionKind.LESSONS, names.toArray(String[]::new)));
        put(m, SectionKind.LESSONS, "erkenntnisse", "gelernte lektionen", "leçons apprises", "enseignements",
                "retour d'expérience", "lecciones aprendidas", "lições aprendidas", "教訓", "振り返り", "学び", "经验教训",
                "复盘");
        put(m, SectionKind.ACTION_ITEMS, "maßnahmen", "massnahmen", "folgemaßnahmen", "nächste schritte",
                "actions correctives", "plan d'action", "prochaines étapes", "acciones", "acciones correctivas",
                "próximos pasos", "plan de acción", "ações", "ações corretivas", "próximos passos", "plano de ação",
                "再発防止策", "対策", "恒久対策", "今後の対応", "アクションアイテム", "改进措施", "后续行动", "行动项",
                "待办事项");
    }

    private static Map<String, Bucket> buckets() {
        Map<String, Bucket> m = new HashMap<>();
        bucket(m, Bucket.WENT_WELL, "what went well", "things that went well", "went well", "what worked",
                "what went right", "what worked well");
        bucket(m, Bucket.WENT_WRONG, "what went wrong", "things that went wrong", "went wrong", "what went poorly",
                "what didn't go well", "what did not go well", "what could have gone better", "what could be improved",
                "what went badly", "what didn't work");
        bucket(m, Bucket.LUCKY, "where we got lucky", "lucky", "we got lucky", "where we were lucky", "luck",
                "where we got unlucky");
        OTHER_BUCKETS.forEach((bucket, names) -> bucket(m, bucket, names.toArray(String[]::new)));
        return Map.copyOf(m);
    }

    private SectionNames() {
    }

    /** Returns the kind a heading stands for, if it is a known section name. */
    static Optional<SectionKind> kind(String heading) {
        String h = normalize(heading);
        SectionKind k = KINDS.get(h);
        String core = TRAILING_QUALIFIER.matcher(h).replaceFirst("");
        if (k == null) {
            k = KINDS.get(core);
        }
        return k != null ? Optional.of(k) : scored(core);
    }

    /** Returns the kind whose cue words score highest in a heading, when it has a strong cue and no tie. */
    private static Optional<SectionKind> scored(String heading) {
        Map<SectionKind, Integer> score = new java.util.EnumMap<>(SectionKind.class);
        java.util.regex.Matcher w = WORDS.matcher(heading);
        while (w.find()) {
            String word = w.group();
            CUES.forEach((kind, cues) -> score.merge(kind, cues.getOrDefault(word, 0), Integer::sum));
        }
        int best = score.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<SectionKind> top = score.entrySet().stream().filter(e -> e.getValue() == best).map(Map.Entry::getKey).toList();
        return best >= STRONG && top.size() == 1 ? Optional.of(top.get(0)) : Optional.empty();
    }

    private static Map<String, Integer> cues(String strong, String weak) {
        Map<String, Integer> m = new HashMap<>();
        for (String s : SPACES.split(weak.strip())) {
            if (!s.isEmpty()) {
                m.put(s, 1);
            }
        }
        for (String s : SPACES.split(strong.strip())) {
            if (!s.isEmpty()) {
                m.put(s, STRONG);
            }
        }
        return Map.copyOf(m);
    }

    /** Returns the lessons bucket a heading or label stands for, if any. */
    static Optional<Bucket> bucket(String heading) {
        return Optional.ofNullable(BUCKETS.get(normalize(heading)));
    }

    private static final Pattern LUCK = Pattern.compile("\\b(lucky|luck|fortunate|fortunately)\\b");
    private static final Pattern BAD = Pattern.compile("\\b(wrong|poorly|badly|bad|worse|better|improve|improved|"
            + "improvements?|failed|struggled)\\b");
    private static final Pattern GOOD = Pattern.compile("\\b(well|right|worked|good|great)\\b");
    private static final Pattern NEGATION = Pattern.compile("\\b(didn't|did not|not|wasn't|weren't|less|could have|"
            + "could've|should have|should've)\\b");
    private static final int BUCKET_WORDS = 8;

    /**
     * Returns the lessons bucket a short heading's words point to, for a heading that stands beside a bucket's
     * ({@code ### What didn't go so well} next to {@code ### What went well}): luck is luck; a bad or a negated good
     * outcome went wrong; a good one went well.
     */
    static Optional<Bucket> bucketByWords(String heading) {
        String h = normalize(heading);
        if (h.isEmpty() || h.split(" ").length > BUCKET_WORDS) {
            return Optional.empty();
        }
        if (LUCK.matcher(h).find()) {
            return Optional.of(Bucket.LUCKY);
        }
        if (BAD.matcher(h).find()) {
            return Optional.of(Bucket.WENT_WRONG);
        }
        if (GOOD.matcher(h).find()) {
            return Optional.of(NEGATION.matcher(h).find() ? Bucket.WENT_WRONG : Bucket.WENT_WELL);
        }
        return Optional.empty();
    }

    /** Reduces a heading to its comparable form: lower case, no numbering, emphasis or trailing remark. */
    static String normalize(String heading) {
        if (plain(heading)) {
            return heading.toLowerCase(Locale.ROOT);
        }
        String h = DECORATION.matcher(EMOJI.matcher(heading).replaceAll(" ")).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
        h = h.replace('\u2019', '\'').replace("&", " and ");
        h = NUMBERING.matcher(h).replaceFirst("");
        for (int i = 0; i < 2; i++) {
            h = TRAILING_REMARK.matcher(h).replaceFirst("");
            h = TRAILING_PUNCTUATION.matcher(h).replaceFirst("");
        }
        return SPACES.matcher(h).replaceAll(" ").strip();
    }

    /**
     * Returns true for the usual heading ("Root cause", "What went well"): ASCII letters, apostrophes and single
     * inner spaces, which none of the patterns below would change but for the case.
     */
    private static boolean plain(String heading) {
        int n = heading.length();
        if (n == 0 || heading.charAt(0) == ' ' || heading.charAt(n - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = heading.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'';
            if (!letter && !(c == ' ' && heading.charAt(i - 1) != ' ')) {
                return false;
            }
        }
        return true;
    }

    private static void put(Map<String, SectionKind> m, SectionKind kind, String... names) {
        for (String n : List.of(names)) {
            m.put(n, kind);
        }
    }

    private static void bucket(Map<String, Bucket> m, Bucket bucket, String... names) {
        for (String n : List.of(names)) {
            m.put(n, bucket);
        }
    }
}
