package dev.hindsight.analyze;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Term;
import dev.hindsight.model.Validate;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The team an action item belongs to, for the action-items page, its CSV, the reminder feeds and
 * {@code hindsight actions}: the team its {@code owner} names (a team id or label of site.yml, in any case), else
 * the incident's first team, else none ({@link #NONE_LABEL}). The feeds name this team, never the owner as written,
 * which may be a person.
 *
 * @param id    the team id, or empty for none
 * @param label the team's label from site.yml (its id when site.yml does not list it), or {@link #NONE_LABEL}
 */
public record OwnerTeam(Optional<String> id, String label) {
    /** What pages and files call the group of items with no owner team. */
    public static final String NONE_LABEL = "No owner team";
    /** The key of the group of items with no owner team, in URLs, file names and {@code hindsight actions --team}. */
    public static final String NONE_KEY = "no-owner-team";

    public OwnerTeam {
        Validate.notNull(id, "id");
        Validate.notBlank(label, "label");
    }

    /** Returns the team's URL and file name part: its id, or "no-owner-team". */
    public String key() {
        return id.orElse(NONE_KEY);
    }

    /** Resolves owners to teams against one vocabulary of teams. */
    public static final class Resolver {
        private final Map<String, Term> byName = new HashMap<>();
        private final List<Term> teams;

        /** Creates a resolver for site.yml's teams. */
        public Resolver(List<Term> teams) {
            this.teams = List.copyOf(teams);
            // Ids first, so an id wins over another team's label of the same spelling.
            teams.forEach(t -> byName.putIfAbsent(t.label().strip().toLowerCase(Locale.ROOT), t));
            teams.forEach(t -> byName.put(t.id().strip().toLowerCase(Locale.ROOT), t));
        }

        /** Returns the team a name (an id or label, in any case) stands for, if it is one of site.yml's. */
        public Optional<Term> team(String name) {
            return Optional.ofNullable(byName.get(name.strip().toLowerCase(Locale.ROOT)));
        }

        /** Returns the owner team of an item of an incident with the given teams. */
        public OwnerTeam of(ActionItem item, List<String> incidentTeams) {
            Optional<Term> named = item.owner().flatMap(this::team);
            if (named.isPresent()) {
                return new OwnerTeam(Optional.of(named.get().id()), named.get().label());
            }
            return incidentTeams.stream().findFirst()
                    .map(t -> new OwnerTeam(Optional.of(t), label(t)))
                    .orElse(new OwnerTeam(Optional.empty(), NONE_LABEL));
        }

        private String label(String id) {
            return teams.stream().filter(t -> t.id().equals(id)).map(Term::label).findFirst().orElse(id);
        }
    }
}
