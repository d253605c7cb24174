package dev.hindsight.load;

import dev.hindsight.model.SectionKind;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SectionNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Summary|SUMMARY", "Overview|SUMMARY", "Executive summary|SUMMARY", "Description|SUMMARY",
            "What happened?|SUMMARY", "Impact|IMPACT", "Customer impact|IMPACT", "User Impact|IMPACT",
            "Timeline|TIMELINE", "Chronology|TIMELINE", "Sequence of events|TIMELINE", "Incident timeline|TIMELINE",
            "Key events|TIMELINE", "Root cause|ROOT_CAUSE", "Root causes|ROOT_CAUSE", "Root cause analysis|ROOT_CAUSE",
            "Contributing Factors|ROOT_CAUSE", "Contributing Factors (findings)|ROOT_CAUSE", "Cause|ROOT_CAUSE",
            "Causes|ROOT_CAUSE", "Analysis|ROOT_CAUSE", "Why did it happen?|ROOT_CAUSE", "Trigger|TRIGGER",
            "Detection|DETECTION", "How was it detected?|DETECTION", "Resolution|RESOLUTION", "Recovery|RESOLUTION",
            "Mitigation|RESOLUTION", "Remediation|RESOLUTION", "Resolution and recovery|RESOLUTION",
            "Resolution & Recovery|RESOLUTION", "Five whys|FIVE_WHYS", "5 Whys|FIVE_WHYS", "Lessons learned|LESSONS",
            "Lessons|LESSONS", "What went well|LESSONS", "What went wrong|LESSONS", "Where we got lucky|LESSONS",
            "Learnings|LESSONS", "Retrospective|LESSONS", "Action items|ACTION_ITEMS", "Follow-ups|ACTION_ITEMS",
            "Follow up|ACTION_ITEMS", "Corrective actions|ACTION_ITEMS", "Next steps|ACTION_ITEMS",
            "Action points|ACTION_ITEMS", "Review actions|ACTION_ITEMS", "Immediate Actions (Completed)|ACTION_ITEMS",
            ":warning: Leadup|TIMELINE", "\u26A0\uFE0F Lead-up|TIMELINE", ":flying_disc: Impact|IMPACT",
            "\uD83D\uDD25 Root cause|ROOT_CAUSE", "Timeline - all times UTC|TIMELINE", "Root cause: a bad deploy|ROOT_CAUSE",
            "Timeline \u2013 UTC|TIMELINE", "Issue Timeline - UTC|TIMELINE", "Solution|RESOLUTION",
            "Details of fix|RESOLUTION", "Follow-up tasks|ACTION_ITEMS", "Whys|FIVE_WHYS", "Impact Assessment|IMPACT",
            "Detailed chronology of the outage|TIMELINE", "Learnings and takeaways|LESSONS",
            "What we'll do|ACTION_ITEMS", "What we’re doing about it|ACTION_ITEMS", "What's next?|ACTION_ITEMS",
            "Going forward|ACTION_ITEMS", "How we will prevent this|ACTION_ITEMS",
            "How we plan to prevent this from happening again|ACTION_ITEMS",
    })
    void recognizesSynonyms(String heading, SectionKind kind) {
        assertThat(SectionNames.kind(heading)).contains(kind);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Zusammenfassung|SUMMARY", "Zeitlicher Ablauf|TIMELINE", "Ursache:|ROOT_CAUSE", "Auswirkungen|IMPACT",
            "Maßnahmen|ACTION_ITEMS", "Nächste Schritte|ACTION_ITEMS", "Résumé|SUMMARY", "Chronologie|TIMELINE",
            "Cause racine|ROOT_CAUSE", "Actions correctives|ACTION_ITEMS", "Resumen|SUMMARY",
            "Línea de tiempo|TIMELINE", "Causa raíz|ROOT_CAUSE", "Lecciones aprendidas|LESSONS",
            "Linha do tempo|TIMELINE", "Ações corretivas|ACTION_ITEMS", "1. 概要|SUMMARY", "【原因】|ROOT_CAUSE",
            "■ 再発防止策|ACTION_ITEMS", "タイムライン：|TIMELINE", "影響範囲|IMPACT", "时间线|TIMELINE",
            "根本原因|ROOT_CAUSE", "改进措施|ACTION_ITEMS", "经验教训|LESSONS",
    })
    void recognizesTheUsualNamesInOtherLanguages(String heading, SectionKind kind) {
        assertThat(SectionNames.kind(heading)).contains(kind);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Was lief gut|WENT_WELL", "Was lief schlecht|WENT_WRONG",
            "Ce qui a bien fonctionné|WENT_WELL", "¿Qué salió mal?|WENT_WRONG", "Onde tivemos sorte|LUCKY",
            "良かった点|WENT_WELL", "不足之处|WENT_WRONG"})
    void knowsTheLessonsBucketsInOtherLanguages(String heading, SectionNames.Bucket bucket) {
        assertThat(SectionNames.bucket(heading)).contains(bucket);
        assertThat(SectionNames.kind(heading)).contains(SectionKind.LESSONS);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "What went well|what went well", "Where we got LUCKY|where we got lucky", "Don't repeat|don't repeat",
            "Root  cause|root cause", "Root cause |root cause", "a. Impact|impact", "Summary:|summary",
            "Step 2 Impact|impact", "Impact (draft)|impact", "Q&A|q and a",
    })
    void normalizesPlainAndDecoratedHeadingsAlike(String heading, String normalized) {
        assertThat(SectionNames.normalize(heading)).isEqualTo(normalized);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1. Summary", "2) Summary", "Step 3: Summary", "**Summary**", "SUMMARY:", "  summary  ",
            "IV. Summary", "## Summary", "2.1 Summary", "3.1.2) Summary"})
    void ignoresNumberingEmphasisCaseAndColons(String heading) {
        assertThat(SectionNames.kind(heading)).contains(SectionKind.SUMMARY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Attendees", "Stats", "Appendix", "Timeline of the fix plan", "Root cause of the detection gap",
            "Next", "Background", "Why"})
    void leavesOtherHeadingsAlone(String heading) {
        assertThat(SectionNames.kind(heading)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"What went well|WENT_WELL", "Things that went well|WENT_WELL",
            "What went wrong|WENT_WRONG", "What went poorly|WENT_WRONG", "What didn't go well|WENT_WRONG",
            "Where we got lucky|LUCKY", "Lucky|LUCKY", "What Went Well?|WENT_WELL", "5.1 What went well|WENT_WELL",
            "5.2. What went wrong|WENT_WRONG"})
    void recognizesLessonBuckets(String heading, SectionNames.Bucket bucket) {
        assertThat(SectionNames.bucket(heading)).contains(bucket);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"What didn't go so well|WENT_WRONG", "Things we could do better|WENT_WRONG",
            "What went less well|WENT_WRONG", "The good|WENT_WELL", "What worked for us|WENT_WELL",
            "Where we were fortunate|LUCKY", "Not so great|WENT_WRONG"})
    void aHeadingBesideABucketsIsReadByItsWords(String heading, SectionNames.Bucket bucket) {
        assertThat(SectionNames.bucketByWords(heading)).contains(bucket);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Follow-up", "Timeline", "Why the retry storm grew so well beyond every limit we had set"})
    void aHeadingWhoseWordsSayNoneOrThatIsLongIsNoBucket(String heading) {
        assertThat(SectionNames.bucketByWords(heading)).isEmpty();
    }
}
