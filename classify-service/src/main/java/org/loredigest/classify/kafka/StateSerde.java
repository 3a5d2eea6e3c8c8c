package org.loredigest.classify.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for what classify-service keeps to itself — its state stores, their changelogs and its repartition and
 * re-route topics: Smile, Jackson's binary form of the same JSON data model, so the records and settings of the event
 * contract apply unchanged. Writing and reading it cost less than JSON, and each thread's draft is written and read
 * several times on its way to {@code lore.thread.classified.v1}. Reads JSON too: state written by earlier versions
 * (a JSON value never begins with Smile's header {@code :)\n}). Topics other services read stay JSON
 * ({@link JsonSerde}). {@code null} stays {@code null} (tombstones).
 */
public final class StateSerde<T> implements Serde<T> {

    /** Jackson's serde over either mapper: the same null handling and errors, whichever form it writes. */
    private final JsonSerde<T> smile;
    private final JsonSerde<T> json;

    /** @param smile a mapper from {@link #smileOf(ObjectMapper)}; @param json the event contract's mapper */
    public StateSerde(ObjectMapper smile, ObjectMapper json, Class<T> type) {
        this.smile = new JsonSerde<>(smile, type);
        this.json = new JsonSerde<>(json, type);
    }

    /** The event contract's mapper, writing and reading Smile instead of JSON, within the same read limits. */
    public static ObjectMapper smileOf(ObjectMapper json) {
        SmileFactory smile = new SmileFactory();
        smile.setStreamReadConstraints(json.getFactory().streamReadConstraints());
        return json.copyWith(smile);
    }

    @Override
    public Serializer<T> serializer() {
        return smile.serializer();
    }

    @Override
    public Deserializer<T> deserializer() {
        Deserializer<T> fromSmile = smile.deserializer();
        Deserializer<T> fromJson = json.deserializer();
        return (topic, bytes) -> bytes != null && isSmile(bytes) ? fromSmile.deserialize(topic, bytes)
                : fromJson.deserialize(topic, bytes);
    }

    static boolean isSmile(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == ':' && bytes[1] == ')' && bytes[2] == '\n';
    }
}
