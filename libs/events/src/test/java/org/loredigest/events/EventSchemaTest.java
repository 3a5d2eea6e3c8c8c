package org.loredigest.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The records in this module and the JSON Schemas in docs/events must describe the same contract. */
class EventSchemaTest {

    static final Path SCHEMA_DIR = Path.of(System.getProperty("lore.events.schema.dir", "../../docs/events"));

    static Stream<Arguments> events() {
        Instant now = Instant.parse("2024-03-01T00:54:01Z");
        byte[] raw = "Message-ID: <a@b>\n\nhi\n".getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("mail-received.v1.schema.json",
                        new MailReceived("a@b", "cgroups", "mbox:x.mbox", "0", now, raw)),
                Arguments.of("mail-parsed.v1.schema.json",
                        new MailParsed("a@b", "a@b", false, "cgroups", List.of("cgroups.vger.kernel.org"),
                                "[PATCH] x", "A B", "a@b.org", false, now, true, -480, null, List.of(), "mbox:x.mbox", "0",
                                now, raw.length, List.of())),
                Arguments.of("dead-letter.v1.schema.json",
                        new DeadLetter(Topics.MAIL_RECEIVED, "a@b", "classify-service/parse", "no header section",
                                "IllegalArgumentException", now, Map.of(MailHeaders.LIST, "cgroups"), raw)),
                Arguments.of("ingest-checkpoint.v1.schema.json",
                        new IngestCheckpoint("cgroups-git", "git", "cgroups", "https://lore.kernel.org/cgroups/",
                                "PT1M", "config", Map.of("epoch.0", "693a0e65d24b5261da04278015286f8419790d71"),
                                330, now)),
                Arguments.of("thread-summarised.v1.schema.json", summarised(now)));
    }

    private static ThreadSummarised summarised(Instant now) {
        var none = ThreadClassified.SummaryField.none();
        var problem = ThreadClassified.SummaryField.grounded("memory.max is ignored after a move.",
                "迁移后 memory.max 不再生效。", List.of("a@b", "c@d"), "llm");
        var extracted = ThreadClassified.SummaryField.of("Fixes: 1234567890ab (\"x\")", "a@b", "trailers");
        String hash = "0".repeat(64);
        var summary = new ThreadClassified.Summary("llm:deepseek-chat", problem, problem, none, none, problem, none,
                none, none, none, none, extracted, none, hash);
        return new ThreadSummarised("a@b", hash, summary, "deepseek-chat", List.of("impactUrgency"), 1200, 300, now);
    }

    @ParameterizedTest
    @MethodSource("events")
    void serialisedRecordValidatesAgainstItsSchema(String schemaFile, Record event) throws Exception {
        JsonNode schemaNode = EventJson.mapper().readTree(Files.readString(SCHEMA_DIR.resolve(schemaFile)));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode, config);

        JsonNode json = EventJson.mapper().valueToTree(event);
        Set<ValidationMessage> errors = schema.validate(json);
        assertThat(errors).as("validation errors for %s", event.getClass().getSimpleName()).isEmpty();

        Set<String> components = new HashSet<>();
        Arrays.stream(event.getClass().getRecordComponents()).forEach(c -> components.add(c.getName()));
        Set<String> properties = new HashSet<>();
        schemaNode.get("properties").fieldNames().forEachRemaining(properties::add);
        assertThat(properties).as("schema properties of %s", schemaFile).isEqualTo(components);

        EventJson.mapper().readValue(EventJson.mapper().writeValueAsBytes(event), event.getClass());
    }
}
