package dev.hindsight.check;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProseTest {

    @Test
    void blanksCodeLinkTargetsUrlsAndCommentsKeepingColumns() {
        String line = "Ran `kubectl drain` per [the runbook](https://x.test/rb) and <!-- todo --> http://a.test/b ok";
        String blanked = Prose.blank(line);
        assertThat(blanked).hasSameSizeAs(line);
        assertThat(blanked).doesNotContain("kubectl", "x.test", "todo", "a.test").contains("Ran ", "[the runbook", " ok");
    }

    @Test
    void blanksALinkReferenceTargetButNotAFootnoteNote() {
        String ref = "[rb]: https://x.test/runbook";
        assertThat(Prose.blank(ref)).isEqualTo("[rb" + " ".repeat(ref.length() - 3));
        assertThat(Prose.blank("[^1]: Bob restarted the pool")).isEqualTo("[^1]: Bob restarted the pool");
        assertThat(Prose.blank("[^long-note-name]: Alice paged Bob")).isEqualTo("[^long-note-name]: Alice paged Bob");
        // A footnote label longer than the look-behind reaches is read as a reference definition, as before.
        String far = "[^" + "x".repeat(120) + "]: Bob";
        assertThat(Prose.blank(far)).doesNotContain("Bob");
    }

    @Test
    void leavesALineWithoutMarkersAlone() {
        String line = "The pool ran out of connections at 14:02 [see below]";
        assertThat(Prose.blank(line)).isSameAs(Prose.blank(line)).isEqualTo(line);
    }
}
