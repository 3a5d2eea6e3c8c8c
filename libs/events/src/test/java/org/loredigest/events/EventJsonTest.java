package org.loredigest.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    @Test
    void aMapKeyedByAHostileMessageIdReadsBackAsItWasWritten() throws Exception {
        // ids are map keys in classify's state records; a 100 KB Message-ID went in and could not come out again
        String id = "a".repeat(100_000) + "@example.org";
        byte[] json = EventJson.mapper().writeValueAsBytes(Map.of(id, 1));
        Map<String, Integer> back = EventJson.mapper().readValue(json, new TypeReference<>() { });
        assertThat(back).containsEntry(id, 1);
    }
}
