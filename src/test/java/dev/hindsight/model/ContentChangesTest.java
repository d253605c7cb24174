package dev.hindsight.model;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A file counts as unchanged only when the changes are known and name neither it nor a folder it is in. */
class ContentChangesTest {
    @Test
    void aFileIsUntouchedOnlyWhenNothingNamesItOrItsFolders() {
        ContentChanges c = ContentChanges.only(Set.of("postmortems/a.md", "postmortems/2024-db"));
        assertThat(c.untouched("postmortems/b.md")).isTrue();
        assertThat(c.untouched("pages/about.md")).isTrue();
        assertThat(c.untouched("postmortems/a.md")).isFalse();
        assertThat(c.untouched("postmortems/2024-db/index.md")).as("in a changed folder").isFalse();
        assertThat(c.untouched("postmortems/2024-db/img/lag.png")).as("deeper in it").isFalse();
        assertThat(c.untouched("postmortems/2024-dbx/index.md")).as("a folder whose name only starts alike").isTrue();
    }

    @Test
    void theWholeFolderOrUnknownChangesTouchEveryFile() {
        assertThat(ContentChanges.only(Set.of("")).untouched("postmortems/b.md")).as("events lost").isFalse();
        assertThat(ContentChanges.UNKNOWN.untouched("postmortems/b.md")).isFalse();
        assertThat(ContentChanges.only(Set.of()).untouched("postmortems/b.md")).as("nothing changed").isTrue();
    }
}
