package org.loredigest.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.loredigest.events.EventJson;
import org.loredigest.events.MailHeaders;
import org.loredigest.events.Topics;
import org.loredigest.testkit.KafkaTestResource;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ReceivedMailProcessorIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void parsesMailAndDeadLettersWhatIsNotMail() throws Exception {
        String run = UUID.randomUUID().toString();
        String good = "Message-ID: <good-" + run + "@test>\nFrom: A Dev <dev@example.org>\n"
                + "Date: Wed,  6 Mar 2024 10:23:58 -0800\nSubject: [PATCH] mm: fix\nList-Id: <linux-mm.kvack.org>\n\nbody\n";
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            send(producer, "good-" + run + "@test", good.getBytes(StandardCharsets.UTF_8));
            send(producer, "garbage-" + run, "this is not a mail at all\n".getBytes(StandardCharsets.UTF_8));
            send(producer, "empty-" + run, new byte[0]);
            producer.flush();
        }

        List<JsonNode> parsed = read(Topics.MAIL_PARSED, r -> r.key().endsWith(run + "@test"), 1);
        assertThat(parsed).singleElement().satisfies(p -> {
            assertThat(p.get("messageId").asText()).isEqualTo("good-" + run + "@test");
            assertThat(p.get("subject").asText()).isEqualTo("[PATCH] mm: fix");
            assertThat(p.get("fromEmail").asText()).isEqualTo("dev@example.org");
            assertThat(p.get("list").asText()).isEqualTo("linux-mm");
            assertThat(p.get("listIds").get(0).asText()).isEqualTo("linux-mm.kvack.org");
            assertThat(Instant.parse(p.get("date").asText())).isEqualTo(Instant.parse("2024-03-06T18:23:58Z"));
        });

        List<JsonNode> letters = read(Topics.MAIL_RECEIVED_DLQ, r -> r.key() != null && r.key().endsWith(run), 2);
        assertThat(letters).hasSize(2).allSatisfy(l -> {
            assertThat(l.get("stage").asText()).isEqualTo("classify-service/parse");
            assertThat(l.get("originalTopic").asText()).isEqualTo(Topics.MAIL_RECEIVED);
        });
        assertThat(letters).extracting(l -> l.get("reason").asText())
                .anySatisfy(r -> assertThat(r).contains("no header section"))
                .anySatisfy(r -> assertThat(r).contains("empty"));
    }

    private void send(KafkaProducer<String, byte[]> producer, String key, byte[] value) throws Exception {
        var record = new ProducerRecord<>(Topics.MAIL_RECEIVED, key, value);
        record.headers().add(MailHeaders.LIST, "linux-mm".getBytes(StandardCharsets.UTF_8));
        record.headers().add(MailHeaders.SOURCE, "test".getBytes(StandardCharsets.UTF_8));
        record.headers().add(MailHeaders.RECEIVED_AT, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    private List<JsonNode> read(String topic, java.util.function.Predicate<ConsumerRecord<String, byte[]>> wanted,
                                int expected) throws Exception {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "group.id", "test-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest");
        List<JsonNode> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(60);
            while (found.size() < expected && Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (wanted.test(record)) {
                        found.add(EventJson.mapper().readTree(record.value()));
                    }
                }
            }
            // a little longer, to see duplicates if there were any
            consumer.poll(Duration.ofSeconds(1)).forEach(record -> {
                if (wanted.test(record)) {
                    found.add(readTree(record.value()));
                }
            });
        }
        return found;
    }

    private static JsonNode readTree(byte[] value) {
        try {
            return EventJson.mapper().readTree(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
