package dev.hindsight.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an action item stands. {@link #UNKNOWN} is for an item whose status nobody wrote down (a plain bullet in a
 * follow-up list, with no checkbox, status field or "completed" heading): it is neither open nor closed, so it is
 * never counted as open or overdue, nor in the SLO figures.
 */
public enum ActionStatus {
    OPEN("open", "Open"), IN_PROGRESS("in-progress", "In progress"), DONE("done", "Done"), WONT_DO("wont-do", "Won't do"),
    UNKNOWN("unknown", "Unknown");

    private final String id;
    private final String label;

    ActionStatus(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** Returns the status as pages show it. */
    public String label() {
        return label;
    }

    /** Returns the id used in front matter. */
    public String id() {
        return id;
    }

    /** Returns true when the item needs no more work. */
    public boolean isClosed() {
        return this == DONE || this == WONT_DO;
    }

    /** Returns true when the item is known to still need work: open or in progress. */
    public boolean isOpen() {
        return this == OPEN || this == IN_PROGRESS;
    }

    /** Parses a front-matter or table value, with common synonyms. */
    public static Optional<ActionStatus> parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        for (ActionStatus s : values()) {
            if (s.id.equals(v)) {
                return Optional.of(s);
            }
        }
        return switch (v) {
            case "todo", "to-do", "new", "planned", "not-started" -> Optional.of(OPEN);
            case "doing", "started", "wip", "ongoing", "in-review" -> Optional.of(IN_PROGRESS);
            case "closed", "complete", "completed", "fixed", "resolved", "finished" -> Optional.of(DONE);
            case "wontdo", "won't-do", "wontfix", "won't-fix", "cancelled", "canceled", "dropped" -> Optional.of(WONT_DO);
            // The same in German, French, Spanish, Portuguese, Japanese and Chinese, as section names are read.
            case "offen", "ouvert", "à-faire", "abierto", "pendiente", "aberto", "pendente", "未着手", "未対応", "未开始",
                 "待办" -> Optional.of(OPEN);
            case "in-bearbeitung", "in-arbeit", "en-cours", "en-progreso", "en-curso", "em-andamento", "対応中", "進行中",
                 "进行中" -> Optional.of(IN_PROGRESS);
            case "erledigt", "abgeschlossen", "terminé", "hecho", "completado", "terminado", "concluído", "feito", "完了",
                 "対応済み", "已完成", "完成" -> Optional.of(DONE);
            case "verworfen", "abgebrochen", "annulé", "cancelado", "中止", "取消" -> Optional.of(WONT_DO);
            default -> Optional.empty();
        };
    }
}
