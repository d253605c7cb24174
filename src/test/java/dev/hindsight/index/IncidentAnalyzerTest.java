package dev.hindsight.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentAnalyzerTest {

    private static List<String> terms(Analyzer a, String text) throws IOException {
        List<String> out = new ArrayList<>();
        int pos = -1;
        try (TokenStream ts = a.tokenStream("body", text)) {
            CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                out.add(t + "@" + pos);
            }
            ts.end();
        }
        return out;
    }

    @Test
    void stemsWordsButNotIdentifiers() throws IOException {
        assertThat(terms(IncidentAnalyzer.forIndexing(), "Connections timed out on k8s x509 PM2021-008"))
                .containsExactly("connect@0", "time@1", "out@2", "k8s@4", "x509@5", "pm2021-008@6", "pm2021@6", "008@7");
    }

    @Test
    void removesStopWordsLeavingPositionGaps() throws IOException {
        assertThat(terms(IncidentAnalyzer.forIndexing(), "root cause of the outage"))
                .containsExactly("root@0", "caus@1", "outag@4");
    }

    @Test
    void queryAnalysisKeepsACompoundAsOneTerm() throws IOException {
        assertThat(terms(IncidentAnalyzer.forQueries(), "db-primary-02.internal")).containsExactly("db-primary-02.internal@0");
        assertThat(terms(IncidentAnalyzer.forIndexing(), "db-primary-02.internal"))
                .containsExactly("db-primary-02.internal@0", "db@0", "primari@1", "02@2", "intern@3");
    }

    @Test
    void surfaceTermsMapEveryFormToTheIndexTerm() {
        SurfaceTerms terms = new SurfaceTerms();
        assertThat(terms.term("connections")).contains("connect");
        assertThat(terms.term("connection")).contains("connect");
        assertThat(terms.term("etcd")).contains("etcd");
        assertThat(terms.term("the")).isEmpty();
    }

    @Test
    void cjkBigramsAreTermsAsTheyAreAndLatinWordsAroundThemAreStemmed() throws IOException {
        assertThat(terms(IncidentAnalyzer.forIndexing(), "DB障害: Connections timed out; 데이터 장애"))
                .containsExactly("db@0", "障害@1", "connect@2", "time@3", "out@4", "데이@5", "이터@6", "장애@7");
        assertThat(terms(IncidentAnalyzer.forQueries(), "\uD840\uDC0B\uD840\uDC0Cs 東"))
                .as("Porter leaves a bigram of supplementary ideographs alone")
                .containsExactly("\uD840\uDC0B\uD840\uDC0C@0", "s@1", "東@2");
        SurfaceTerms terms = new SurfaceTerms();
        assertThat(terms.term("障害")).contains("障害");
        assertThat(terms.term("ｔｉｍｅｏｕｔｓ")).as("fullwidth ASCII").contains("timeout");
    }
}
