package org.loredigest.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void deadLetterTwins() {
        assertThat(Topics.deadLetterOf(Topics.MAIL_PARSED)).isEqualTo(Topics.MAIL_PARSED_DLQ);
        assertThat(Topics.ALL).allSatisfy(t -> assertThat(t).matches("lore\\.[a-z]+\\.[a-z]+\\.v\\d+(\\.dlq)?"));
    }

    @Test
    void everyTopicHasOneSpecAndEveryRecordFits() {
        List<String> expected = new ArrayList<>(Topics.ALL);
        expected.add(Topics.INGEST_CHECKPOINTS);
        expected.add(Topics.THREAD_REROUTED);
        assertThat(Topics.SPECS).extracting(TopicSpec::name).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(Topics.SPECS).allSatisfy(s -> assertThat(s.configs())
                .containsEntry("max.message.bytes", String.valueOf(Topics.MAX_MESSAGE_BYTES)));
        assertThat(Topics.spec(Topics.THREAD_CLASSIFIED).partitions()).isEqualTo(Topics.PARTITIONS);
        assertThat(Topics.spec(Topics.THREAD_SUMMARISED).configs()).containsEntry("cleanup.policy", "compact");
        assertThat(Topics.spec(Topics.THREAD_SUMMARISED_DLQ).configs()).doesNotContainKey("cleanup.policy");
        assertThat(Topics.spec(Topics.INGEST_CHECKPOINTS).partitions()).isEqualTo(1);
        // read beside the thread-bucket repartition topic, which has the partitions of lore.mail.received
        assertThat(Topics.spec(Topics.THREAD_REROUTED).partitions()).isEqualTo(Topics.spec(Topics.MAIL_RECEIVED).partitions());
        assertThat(Topics.spec(Topics.INGEST_CHECKPOINTS).configs()).containsEntry("cleanup.policy", "compact");
        assertThatThrownBy(() -> Topics.spec("lore.unknown.v1")).isInstanceOf(IllegalArgumentException.class);
    }
}
