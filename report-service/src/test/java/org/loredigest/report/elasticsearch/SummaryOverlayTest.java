package org.loredigest.report.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loredigest.events.EventJson;
import org.loredigest.events.ThreadClassified;
import org.loredigest.events.ThreadClassified.SummaryField;
import org.loredigest.events.ThreadSummarised;
import org.loredigest.report.ModelSummaries;

/** A model's summary replaces the extractive one only while both were made from the same thread content. */
class SummaryOverlayTest {

    @Test
    void theModelsFieldsShowWhileTheContentMatches() {
        ThreadClassified topic = ModelSummaries.extractiveTopic("t@x", "a".repeat(64));
        ThreadSummarised answer = ModelSummaries.answer("t@x", "a".repeat(64));

        ThreadClassified shown = SummaryStore.overlay(List.of(topic), Map.of("t@x", answer), EventJson.mapper()).get(0);

        assertThat(shown.summary().summariser()).isEqualTo("llm:deepseek-chat");
        assertThat(shown.summary().problem().textZh()).isEqualTo(ModelSummaries.PROBLEM_ZH);
        assertThat(shown.title()).isEqualTo(topic.title());
        assertThat(shown.fixStatus()).isEqualTo(topic.fixStatus());
    }

    @Test
    void aNewReplyKeepsTheFreshExtractiveFieldsUntilTheModelCatchesUp() {
        ThreadClassified topic = ModelSummaries.extractiveTopic("t@x", "b".repeat(64));
        ThreadSummarised stale = ModelSummaries.answer("t@x", "a".repeat(64));

        ThreadClassified shown = SummaryStore.overlay(List.of(topic), Map.of("t@x", stale), EventJson.mapper()).get(0);

        assertThat(shown.summary().summariser()).startsWith("extractive");
        SummaryField problem = shown.summary().problem();
        assertThat(problem.textZh()).isNull();
    }

    @Test
    void topicsWithoutAModelSummaryAreUntouched() {
        ThreadClassified topic = ModelSummaries.extractiveTopic("t@x", null);
        assertThat(SummaryStore.overlay(List.of(topic), Map.of(), EventJson.mapper())).containsExactly(topic);
        assertThat(Instant.now()).isNotNull();
    }
}
