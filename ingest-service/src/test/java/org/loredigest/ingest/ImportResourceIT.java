package org.loredigest.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.loredigest.events.EventJson;
import org.loredigest.events.MailHeaders;
import org.loredigest.events.Topics;
import org.loredigest.ingest.domain.dedup.RecordKeys;
import org.loredigest.mail.header.RawHeader;
import org.loredigest.mail.mbox.MboxMessage;
import org.loredigest.mail.mbox.MboxReader;
import org.loredigest.testkit.KafkaTestResource;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ImportResourceIT {

    static final Path MBOX = Path.of(System.getProperty("lore.shared.dir"), "corpus/lore-cgroups/cgroups-2024-03.mbox");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void uploadedMboxBecomesOneUntouchedRecordPerMessage() throws Exception {
        given().contentType("application/mbox").body(Files.readAllBytes(MBOX))
                .when().post("/api/imports/mbox?list=cgroups&source=cgroups-2024-03.mbox")
                .then().statusCode(200).body("messages", equalTo(330)).body("rejected", equalTo(0));

        List<MboxMessage> expected;
        try (InputStream in = Files.newInputStream(MBOX)) {
            expected = new MboxReader(in).stream().toList();
        }
        List<ConsumerRecord<String, byte[]>> records = TopicRecords.read(bootstrap, Topics.MAIL_RECEIVED, 330, Duration.ofSeconds(60))
                .stream().filter(r -> "mbox:cgroups-2024-03.mbox".equals(header(r, MailHeaders.SOURCE))).toList();
        assertThat(records).hasSize(330);
        Set<String> keys = records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
        assertThat(keys).hasSize(330);
        var byKey = records.stream().collect(Collectors.toMap(ConsumerRecord::key, r -> r));
        for (MboxMessage message : expected) {
            String id = RecordKeys.of(RawHeader.scan(message.raw()));
            ConsumerRecord<String, byte[]> record = byKey.get(id);
            assertThat(record).as("record for %s", id).isNotNull();
            assertThat(Arrays.equals(record.value(), message.raw())).as("bytes of %s untouched", id).isTrue();
            assertThat(header(record, MailHeaders.LIST)).isEqualTo("cgroups");
            assertThat(header(record, MailHeaders.SOURCE)).isEqualTo("mbox:cgroups-2024-03.mbox");
            assertThat(header(record, MailHeaders.RECEIVED_AT)).isNotBlank();
        }
    }

    @Test
    void oversizedMessageIsDeadLetteredWithItsReason() throws Exception {
        String mbox = "From x\nMessage-ID: <too-big@ingest.test>\n\n" + "x".repeat(11 * 1024 * 1024)
                + "\nFrom x\nMessage-ID: <fine@ingest.test>\n\nok\n";
        given().contentType("application/mbox").body(mbox.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/imports/mbox?list=dlq-test")
                .then().statusCode(200).body("messages", equalTo(1)).body("rejected", equalTo(1));
        var letters = TopicRecords.read(bootstrap, Topics.MAIL_RECEIVED_DLQ, 1, Duration.ofSeconds(30));
        assertThat(letters).anySatisfy(r -> {
            var letter = EventJson.mapper().readTree(r.value());
            assertThat(letter.get("reason").asText()).contains("exceeds the limit");
            assertThat(letter.get("stage").asText()).isEqualTo("ingest-service/import");
            assertThat(header(r, MailHeaders.DLQ_REASON)).contains("exceeds the limit");
        });
    }

    @Test
    void badListNameIsA400WithAClearMessage() {
        given().contentType("application/mbox").body("x".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/imports/mbox?list=Not A List")
                .then().statusCode(400).body("error", containsString("lore list name"));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
