package org.loredigest.events;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration of the event contract. Services apply {@link #configure} to their framework's mapper;
 * plain code (tests, benchmarks, tools) uses {@link #mapper()}.
 */
public final class EventJson {

    /**
     * Message and thread ids are map keys (JSON names) in state records, and a hostile Message-ID can be as long as a
     * message: Jackson's default limit of 50,000 characters would write such a record and then refuse to read it.
     */
    static final int MAX_NAME_LENGTH = 16 * 1024 * 1024;

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private EventJson() {
    }

    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNameLength(MAX_NAME_LENGTH).build());
        return mapper.registerModule(new JavaTimeModule())
                .registerModule(InstantText.module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
