package dev.hindsight.index;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PostingsExportTest {

    /** The main tier by its definition: sort by impact, highest first, ties to the lower document; take the first ones. */
    private static boolean[] bySorting(int[] impacts) {
        Integer[] idx = new Integer[impacts.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> impacts[a] != impacts[b] ? Integer.compare(impacts[b], impacts[a]) : Integer.compare(a, b));
        boolean[] main = new boolean[impacts.length];
        for (int i = 0; i < Math.min(PostingsExport.MAIN_TIER, idx.length); i++) {
            main[idx[i]] = true;
        }
        return main;
    }

    @Test
    void theMainTierIsTheHighestImpactsWithTiesToTheLowerDocument() {
        Random random = new Random(7);
        for (int round = 0; round < 2000; round++) {
            int n = 1 + random.nextInt(round % 3 == 0 ? 40 : 400);
            // Few distinct impacts make many ties at the tier's edge; many make few.
            int spread = 1 + random.nextInt(round % 2 == 0 ? 4 : 255);
            int[] impacts = new int[n];
            int[] docs = new int[n];
            for (int i = 0; i < n; i++) {
                impacts[i] = Math.min(255, 1 + random.nextInt(spread) * (255 / spread));
                docs[i] = i * 3;
            }
            boolean[] main = PostingsExport.mainTier(docs, impacts);
            assertThat(main).as("impacts %s", Arrays.toString(impacts)).isEqualTo(bySorting(impacts));
            int in = 0;
            for (boolean b : main) {
                in += b ? 1 : 0;
            }
            assertThat(in).isEqualTo(Math.min(n, PostingsExport.MAIN_TIER));
        }
    }
}
