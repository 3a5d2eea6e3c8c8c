package org.loredigest.classify.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.loredigest.classify.domain.series.SeriesPosting;
import org.loredigest.classify.domain.thread.Bucket;
import org.loredigest.classify.domain.thread.ThreadInput;
import org.loredigest.classify.domain.thread.TopicDraft;
import org.loredigest.events.EventJson;

class StateSerdeTest {

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final SeriesPosting POSTING = new SeriesPosting("<t@x>", "<root@x>", "mm: fix it", "mm: fix it – v2",
            "dev@example.org", 2, false, "20240301-fix-it", Instant.parse("2024-03-01T10:15:30Z"),
            List.of("mm/vmscan.c"), List.of("<v1@x>"), List.of(), "proposed");

    private final StateSerde<SeriesPosting> serde = new StateSerde<>(StateSerde.smileOf(JSON), JSON, SeriesPosting.class);

    @Test
    void writesSmileAndReadsItBack() {
        byte[] bytes = serde.serializer().serialize("store", POSTING);
        assertThat(StateSerde.isSmile(bytes)).isTrue();
        assertThat(serde.deserializer().deserialize("store", bytes)).isEqualTo(POSTING);
    }

    @Test
    void readsTheJsonThatEarlierVersionsWrote() {
        byte[] json = new JsonSerde<>(JSON, SeriesPosting.class).serializer().serialize("store", POSTING);
        assertThat(StateSerde.isSmile(json)).isFalse();
        assertThat(serde.deserializer().deserialize("store", json)).isEqualTo(POSTING);
    }

    @Test
    void aHostileMessageIdAsAMapKeyRoundTrips() {
        String id = "<" + "x".repeat(200_000) + "@example.org>";
        ThreadInput handover = ThreadInput.handover(Map.of(id, new Bucket.Published(3, "title", id)));
        StateSerde<ThreadInput> inputs = new StateSerde<>(StateSerde.smileOf(JSON), JSON, ThreadInput.class);
        byte[] bytes = inputs.serializer().serialize("rerouted", handover);
        assertThat(inputs.deserializer().deserialize("rerouted", bytes)).isEqualTo(handover);
    }

    @Test
    void tombstonesStayNull() {
        assertThat(serde.serializer().serialize("store", null)).isNull();
        assertThat(serde.deserializer().deserialize("store", null)).isNull();
    }

    @Test
    void smallerThanJsonForADraft() {
        TopicDraft removal = TopicDraft.removal("<t@x>", "mm: fix it", 7);
        StateSerde<TopicDraft> drafts = new StateSerde<>(StateSerde.smileOf(JSON), JSON, TopicDraft.class);
        byte[] smile = drafts.serializer().serialize("repartition", removal);
        byte[] json = new JsonSerde<>(JSON, TopicDraft.class).serializer().serialize("repartition", removal);
        assertThat(smile.length).isLessThan(json.length);
        assertThat(drafts.deserializer().deserialize("repartition", smile)).isEqualTo(removal);
    }

    @Test
    void garbageIsAClearError() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("store", "not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot read SeriesPosting from store");
    }
}
