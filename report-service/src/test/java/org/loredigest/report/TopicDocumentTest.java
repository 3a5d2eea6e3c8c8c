package org.loredigest.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.loredigest.events.EventJson;
import org.loredigest.events.ThreadClassified;
import org.loredigest.events.ThreadClassified.Participant;
import org.loredigest.events.ThreadClassified.SummaryField;
import org.loredigest.report.elasticsearch.TopicDocument;

/** A topic document holds the event's fields unchanged and the flat facets beside them. */
class TopicDocumentTest {

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final Instant FIRST = Instant.parse("2024-03-04T10:15:30.123Z");
    private static final String NOW = "2024-03-05T00:00:00Z";

    @Test
    void theEventsFieldsAreKeptAndTheFacetsAdded() throws Exception {
        ThreadClassified topic = ClassifiedTopics.topic("t1@example.org", "cgroups", "memcg: fix a leak", "bugfix", "high",
                "applied", FIRST, 7, new Participant("Dev One", "Dev@Example.ORG", false, 2),
                SummaryField.of("refcount underflow", "t1@example.org", "commit message"));
        JsonNode document = JSON.readTree(JSON.writeValueAsBytes(TopicDocument.of(topic, NOW)));

        ObjectNode expected = JSON.valueToTree(topic);
        expected.put("list", "cgroups");
        expected.put("kind", topic.rootKind());
        expected.put("author_name", "Dev One");
        expected.put("author_domain", "example.org");
        expected.put("author_bot", false);
        expected.put("grimoire_creation_date", "2024-03-04T10:15:30.123Z");
        expected.put("indexedAt", "2024-03-05T00:00:00Z");
        assertThat(document).isEqualTo(JSON.readTree(JSON.writeValueAsBytes(expected))); // same node types
    }

    @Test
    void aTopicWithoutAuthorOrActivityHasNoAuthorFacetsNorCreationDate() throws Exception {
        ThreadClassified topic = ClassifiedTopics.topic("t2@example.org", "linux-mm", "mm: one", "feature", "low",
                "none", FIRST, 1, new Participant("", "nobody@example.org", false, 1), SummaryField.none());
        ThreadClassified withoutActivity = new ThreadClassified(topic.threadId(), topic.version(), topic.updatedAt(),
                topic.lists(), topic.listIds(), topic.title(), topic.subject(), topic.rootMessageId(), topic.rootMissing(),
                topic.rootKind(), topic.link(), null, topic.participants(), topic.messageCount(), topic.botMessageCount(),
                null, topic.lastActivity(), topic.series(), topic.type(), topic.severity(), topic.security(),
                topic.fixStatus(), topic.subsystems(), topic.summary(), topic.changes(), topic.trailers(),
                topic.reviewers(), topic.related(), topic.botActivity(), topic.activity());
        JsonNode document = JSON.readTree(JSON.writeValueAsBytes(TopicDocument.of(withoutActivity, NOW)));

        assertThat(document.has("author_name")).isFalse();
        assertThat(document.has("author_domain")).isFalse();
        assertThat(document.has("author_bot")).isFalse();
        assertThat(document.has("grimoire_creation_date")).isFalse();
        assertThat(document.get("list").asText()).isEqualTo("linux-mm");
        assertThat(document.get("threadId").asText()).isEqualTo("t2@example.org");
    }
}
