package org.loredigest.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.loredigest.events.EventJson;
import org.loredigest.events.MessageKey;
import org.loredigest.events.Topics;
import org.loredigest.report.elasticsearch.IndexSpec;
import org.loredigest.testkit.ElasticsearchTestResource;
import org.loredigest.testkit.KafkaTestResource;

/**
 * A model summary arriving on its topic is stored and shown in the digest of the topic it was made for, in Chinese,
 * while a topic whose content changed since keeps its own fields.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ElasticsearchTestResource.class)
class ModelSummariesIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ElasticsearchClient elasticsearch;

    @Test
    void theDigestShowsTheModelsFieldsForTheContentTheyWereMadeFrom() throws Exception {
        String list = "ms-" + UUID.randomUUID().toString().substring(0, 6);
        String current = "a".repeat(64);
        var json = EventJson.mapper();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            var fresh = ModelSummaries.extractiveTopic("m@" + list, current);
            var changed = ModelSummaries.extractiveTopic("n@" + list,
                    "memcg: drop the stale swap charge on exit", "b".repeat(64));
            var tree = json.valueToTree(fresh);
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree).putArray("lists").add(list);
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("link")).put("list", list);
            var tree2 = json.valueToTree(changed);
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree2).putArray("lists").add(list);
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree2.get("link")).put("list", list);
            producer.send(new ProducerRecord<>(Topics.THREAD_CLASSIFIED, "m@" + list, json.writeValueAsBytes(tree))).get();
            producer.send(new ProducerRecord<>(Topics.THREAD_CLASSIFIED, "n@" + list, json.writeValueAsBytes(tree2))).get();
            producer.send(new ProducerRecord<>(Topics.THREAD_SUMMARISED, "m@" + list,
                    json.writeValueAsBytes(ModelSummaries.answer("m@" + list, current)))).get();
            producer.send(new ProducerRecord<>(Topics.THREAD_SUMMARISED, "n@" + list,
                    json.writeValueAsBytes(ModelSummaries.answer("n@" + list, current)))).get();
        }
        Instant deadline = Instant.now().plusSeconds(90);
        while (!(stored(IndexSpec.TOPICS, "n@" + list) && stored(IndexSpec.SUMMARIES, "n@" + list))) {
            assertThat(Instant.now()).as("topics and summaries indexed").isBefore(deadline);
            Thread.sleep(200);
        }
        // a GET by id is real-time: the last document can exist before a refresh has made it searchable
        elasticsearch.indices().refresh(r -> r.index(IndexSpec.TOPICS.alias(), IndexSpec.SUMMARIES.alias()));

        String md = given().when().get("/api/digests?lists=" + list + "&from=2024-03-04&to=2024-03-10&format=md&lang=zh")
                .then().statusCode(200).extract().asString();
        assertThat(md).contains(ModelSummaries.PROBLEM_ZH, "模型归纳", "邮件原文摘录");
        // n's summary was made from older content: it keeps its own, quoted problem statement
        assertThat(md).contains("refcount underflow");
    }

    private boolean stored(IndexSpec index, String threadId) throws java.io.IOException {
        elasticsearch.indices().refresh(r -> r.index(index.alias()));
        return elasticsearch.exists(e -> e.index(index.alias()).id(MessageKey.documentId(threadId))).value();
    }
}
