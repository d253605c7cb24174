package dev.hindsight.index;

import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;

import java.util.Collection;

/**
 * The cache folder's index without fsync. The index is a cache: a commit that a crash left half on disk fails its
 * checksums on the next open and is made again (see {@link IndexStore}), so waiting for the disk buys nothing, and
 * the waits were most of the index stage's time on a small site (a preview rebuild after each save).
 */
final class UnsyncedDirectory extends FilterDirectory {
    UnsyncedDirectory(Directory in) {
        super(in);
    }

    @Override
    public void sync(Collection<String> names) {
        // not needed for a cache; see the class comment
    }

    @Override
    public void syncMetaData() {
        // not needed for a cache; see the class comment
    }
}
