package org.loredigest.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Instants read and written by hand are exactly what {@link Instant#toString()} and JavaTimeModule give. */
class InstantTextTest {

    private static final ObjectMapper GENERAL = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final ObjectMapper CONTRACT = EventJson.mapper();

    @Test
    void randomInstantsOfEveryPrecisionGiveTheSameTextBothWays() {
        SplittableRandom random = new SplittableRandom(17);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(min, max + 1);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            String text = instant.toString();
            assertThat(InstantText.format(instant)).isEqualTo(text);
            assertThat(InstantText.parse(text)).isEqualTo(instant);
        }
    }

    @Test
    void edgesOfTheShape() {
        for (String text : List.of("1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z", "2024-02-29T12:00:00.5Z",
                "2000-01-01T00:00:00.12Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z")) {
            assertThat(InstantText.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
        for (String text : List.of("2023-02-29T12:00:00Z", "2024-13-01T00:00:00Z", "2024-01-01T24:00:00Z",
                "2024-01-01T23:59:60Z", "2024-01-01T12:00:00.Z", "2024-01-01T12:00:00.1234567890Z",
                "2024-01-01T12:00:00+01:00", "+10000-01-01T00:00:00Z", "2024-01-01 12:00:00Z", "2024-01-01T12:00Z",
                "2024-0a-01T12:00:00Z", "")) {
            assertThat(InstantText.parse(text)).as(text).isNull();
        }
        assertThat(InstantText.format(Instant.parse("+10000-01-01T00:00:00Z"))).isEqualTo("+10000-01-01T00:00:00Z");
        assertThat(InstantText.format(Instant.MIN)).isEqualTo(Instant.MIN.toString());
    }

    @Test
    void theContractsMapperReadsAndWritesWhatJavaTimeModuleDoes() throws Exception {
        record Stamp(Instant at) {
        }
        for (String json : List.of("{\"at\":\"2024-03-01T12:34:56Z\"}", "{\"at\":\"2024-03-01T12:34:56.789Z\"}",
                "{\"at\":\"2024-03-01T12:34:56+02:00\"}", "{\"at\":\"+10000-01-01T00:00:00Z\"}", "{\"at\":1709296496}",
                "{\"at\":1709296496.5}", "{\"at\":null}")) {
            Stamp general = GENERAL.readValue(json, Stamp.class);
            Stamp contract = CONTRACT.readValue(json, Stamp.class);
            assertThat(contract).as(json).isEqualTo(general);
            assertThat(CONTRACT.writeValueAsString(contract)).as(json).isEqualTo(GENERAL.writeValueAsString(general));
        }
        assertThatThrownBy(() -> CONTRACT.readValue("{\"at\":\"2023-02-29T12:00:00Z\"}", Stamp.class))
                .hasMessageContaining("2023-02-29T12:00:00Z");
        assertThatThrownBy(() -> GENERAL.readValue("{\"at\":\"2023-02-29T12:00:00Z\"}", Stamp.class))
                .hasMessageContaining("2023-02-29T12:00:00Z");
    }
}
