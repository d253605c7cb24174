package dev.hindsight.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ActionStatusTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Done|DONE", "in progress|IN_PROGRESS", "Won't fix|WONT_DO", "todo|OPEN",
            "Erledigt|DONE", "In Bearbeitung|IN_PROGRESS", "offen|OPEN", "Terminé|DONE", "En cours|IN_PROGRESS",
            "À faire|OPEN", "Pendiente|OPEN", "Completado|DONE", "Em andamento|IN_PROGRESS", "Concluído|DONE",
            "完了|DONE", "対応中|IN_PROGRESS", "未着手|OPEN", "已完成|DONE", "进行中|IN_PROGRESS", "取消|WONT_DO"})
    void readsStatusWordsInEveryLanguageItKnows(String word, ActionStatus status) {
        assertThat(ActionStatus.parse(word)).contains(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "blocked?", "", "statut"})
    void leavesOtherWordsUnread(String word) {
        assertThat(ActionStatus.parse(word)).isEmpty();
    }
}
