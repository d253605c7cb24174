package dev.hindsight.analyze;

import dev.hindsight.model.Validate;

import java.util.Map;
import java.util.TreeMap;

/**
 * Joins strings into groups (union-find). Each group is named by its smallest member, so the result never
 * depends on the order of the joins.
 */
public final class DisjointSets {
    private final Map<String, String> parent = new TreeMap<>();

    /** Puts two members in the same group. */
    public void join(String a, String b) {
        Validate.notNull(a, "a");
        Validate.notNull(b, "b");
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        String ra = group(a);
        String rb = group(b);
        if (!ra.equals(rb)) {
            if (ra.compareTo(rb) < 0) {
                parent.put(rb, ra);
            } else {
                parent.put(ra, rb);
            }
        }
    }

    /** Returns true when the member was joined to anything. */
    public boolean contains(String x) {
        return parent.containsKey(x);
    }

    /** Returns the name of a member's group: its smallest member. */
    public String group(String x) {
        Validate.isTrue(parent.containsKey(x), "not a member: " + x);
        String r = x;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        String cur = x;
        while (!parent.get(cur).equals(r)) {
            String next = parent.get(cur);
            parent.put(cur, r);
            cur = next;
        }
        return r;
    }
}
