package dev.hindsight.analyze;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.ActionType;
import dev.hindsight.model.Term;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The owner-team rule and the item keys that calendar UIDs and feed ids are made from. */
class OwnerTeamTest {
    private static final List<Term> TEAMS = List.of(new Term("payments", "Payments", "", Optional.empty()),
            new Term("sre", "Platform SRE", "", Optional.empty()));

    private static ActionItem item(String title, String owner, String due) {
        return new ActionItem(title, ActionType.OTHER, Optional.ofNullable(owner), Optional.ofNullable(due).map(java.time.LocalDate::parse),
                ActionStatus.OPEN, Optional.empty(), Optional.empty(), 0);
    }

    @Test
    void theOwnerNamesATeamByIdOrLabelInAnyCaseElseTheIncidentsFirstTeamOwnsIt() {
        OwnerTeam.Resolver r = new OwnerTeam.Resolver(TEAMS);
        assertThat(r.of(item("a", "payments", null), List.of("sre"))).isEqualTo(new OwnerTeam(Optional.of("payments"), "Payments"));
        assertThat(r.of(item("a", " platform SRE ", null), List.of())).isEqualTo(new OwnerTeam(Optional.of("sre"), "Platform SRE"));
        assertThat(r.of(item("a", "Dana Whitfield", null), List.of("sre", "payments")).id()).contains("sre");
        assertThat(r.of(item("a", null, null), List.of("billing"))).as("a team site.yml does not list keeps its id")
                .isEqualTo(new OwnerTeam(Optional.of("billing"), "billing"));
        OwnerTeam none = r.of(item("a", "someone", null), List.of());
        assertThat(none.id()).isEmpty();
        assertThat(none.label()).isEqualTo(OwnerTeam.NONE_LABEL);
        assertThat(none.key()).isEqualTo("no-owner-team");
    }

    @Test
    void itemKeysFollowTheTitleNotThePositionAndTellEqualTitlesApart() {
        List<ActionItem> items = new ArrayList<>(List.of(item("Review pool sizes", "payments", "2025-05-01"),
                item("Alert on pool wait", "payments", null), item("Review  pool sizes!", "payments", "2025-08-01"),
                item("Same", null, null), item("same", null, null)));
        List<String> keys = ItemKeys.of(items);
        assertThat(keys).doesNotHaveDuplicates().allMatch(k -> k.matches("[0-9a-f]{10}(-\\d)?"));
        assertThat(keys.get(4)).isEqualTo(keys.get(3) + "-2");
        List<ActionItem> reversed = new ArrayList<>(items.subList(0, 3));
        Collections.reverse(reversed);
        List<String> again = ItemKeys.of(reversed);
        assertThat(again).containsExactly(keys.get(2), keys.get(1), keys.get(0));
        // A lone title's key is its title's alone: another item's due date or a new item does not move it.
        assertThat(ItemKeys.of(List.of(items.get(1)))).containsExactly(keys.get(1));
        assertThat(ItemKeys.normalized("Réviser  les « lots », vite!")).isEqualTo("reviser les lots vite");
    }
}
