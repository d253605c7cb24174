package dev.hindsight.model;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link KeyHash} of each incident whole ({@link RecordCodec#hash}), by instance, made once a build on all cores when
 * first asked for: the index stage keys its output and its memos by them, and the renderer the memo of each incident
 * page's inputs. (Each stage made its own; at 10,000 incidents one set takes a second or more of CPU.)
 */
public final class IncidentDigests {
    private final List<Postmortem> incidents;
    private final Map<Postmortem, String> known;
    private volatile Map<Postmortem, String> made;

    private IncidentDigests(List<Postmortem> incidents, Map<Postmortem, String> known) {
        this.incidents = List.copyOf(incidents);
        this.known = known;
    }

    /** Returns the digests of a build's incidents, made when first asked for. */
    public static IncidentDigests of(List<Postmortem> incidents) {
        return of(incidents, Map.of());
    }

    /**
     * Returns the digests of a build's incidents, taking those already known by instance (the loader keeps each
     * incident's digest with it in the cache) and making the others when first asked for.
     *
     * @param known digests by incident instance; each must be {@link RecordCodec#hash} of its incident
     */
    public static IncidentDigests of(List<Postmortem> incidents, Map<Postmortem, String> known) {
        Validate.notNull(known, "known");
        return new IncidentDigests(Validate.notNull(incidents, "incidents"), known);
    }

    /** Returns the digest of an incident, as hex; one this set was not made with is digested on its own. */
    public String of(Postmortem incident) {
        String known = all().get(Validate.notNull(incident, "incident"));
        return known != null ? known : RecordCodec.hash(incident);
    }

    /** Returns true when an incident's digest came with it, rather than being made here. */
    public boolean carried(Postmortem incident) {
        return known.containsKey(incident);
    }

    private Map<Postmortem, String> all() {
        Map<Postmortem, String> m = made;
        if (m == null) {
            synchronized (this) {
                m = made;
                if (m == null) {
                    List<String> each = incidents.parallelStream().map(p -> {
                        String d = known.get(p);
                        return d != null ? d : RecordCodec.hash(p);
                    }).toList();
                    Map<Postmortem, String> by = new IdentityHashMap<>();
                    for (int i = 0; i < each.size(); i++) {
                        by.put(incidents.get(i), each.get(i));
                    }
                    made = by;
                    m = by;
                }
            }
        }
        return m;
    }
}
