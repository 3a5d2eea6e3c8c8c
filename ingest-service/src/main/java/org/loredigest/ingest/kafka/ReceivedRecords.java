package org.loredigest.ingest.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.loredigest.events.DeadLetter;
import org.loredigest.events.IngestCheckpoint;
import org.loredigest.events.MailHeaders;
import org.loredigest.events.MailReceived;
import org.loredigest.events.MessageKey;
import org.loredigest.events.Topics;
import org.loredigest.ingest.domain.RejectedMail;
import org.loredigest.mail.ThreadBuckets;
import org.loredigest.mail.header.RawHeader;

/** Builds the records ingest-service writes, the same way for uploads and for sources. */
public final class ReceivedRecords {

    private ReceivedRecords() {
    }

    /**
     * One mail on {@link Topics#MAIL_RECEIVED}: value = raw bytes, metadata in headers, keyed by the mail's identity
     * but placed on the partition of its thread bucket ({@link MailHeaders#THREAD_BUCKET}), where classify-service's
     * thread state keeps that bucket: no repartitioning between parsing and threading.
     *
     * @param partitions partitions of the topic; 0 when unknown: the record is placed by its key and carries no bucket
     */
    public static ProducerRecord<String, byte[]> mail(MailReceived mail, String contentDigest, int partitions) {
        ProducerRecord<String, byte[]> byKey = mail(mail, contentDigest);
        if (partitions <= 0) {
            return byKey; // no header either: the header is the promise that the record sits where its bucket hashes
        }
        byte[] bucket = ThreadBuckets.of(RawHeader.scan(mail.raw()), mail.key()).getBytes(StandardCharsets.UTF_8);
        byKey.headers().add(MailHeaders.THREAD_BUCKET, bucket);
        return new ProducerRecord<>(byKey.topic(), BuiltInPartitioner.partitionForKey(bucket, partitions), byKey.key(),
                byKey.value(), byKey.headers());
    }

    /** One mail on {@link Topics#MAIL_RECEIVED}: value = raw bytes, metadata in headers, placed by its key. */
    public static ProducerRecord<String, byte[]> mail(MailReceived mail, String contentDigest) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, MailHeaders.LIST, mail.list());
        header(headers, MailHeaders.SOURCE, mail.source());
        header(headers, MailHeaders.SOURCE_POSITION, mail.sourcePosition());
        header(headers, MailHeaders.RECEIVED_AT, mail.receivedAt().toString());
        if (!mail.key().startsWith(MessageKey.CONTENT_PREFIX)) {
            header(headers, MailHeaders.MESSAGE_ID, mail.key());
        }
        header(headers, MailHeaders.CONTENT_DIGEST, contentDigest);
        if (mail.sourceBacklog() >= 0) {
            header(headers, MailHeaders.SOURCE_BACKLOG, Long.toString(mail.sourceBacklog()));
        }
        return new ProducerRecord<>(Topics.MAIL_RECEIVED, null, mail.key(), mail.raw(), headers);
    }

    /** A {@link DeadLetter} on {@link Topics#MAIL_RECEIVED_DLQ}, keyed {@code source@position}. */
    public static ProducerRecord<String, byte[]> deadLetter(RejectedMail rejected, String stage, ObjectMapper json) {
        DeadLetter letter = new DeadLetter(Topics.MAIL_RECEIVED, null, stage, rejected.reason(), "RejectedMail",
                rejected.receivedAt(),
                Map.of(MailHeaders.LIST, rejected.list(), MailHeaders.SOURCE, rejected.source(),
                        MailHeaders.SOURCE_POSITION, rejected.sourcePosition()),
                rejected.payload());
        RecordHeaders headers = new RecordHeaders();
        header(headers, MailHeaders.DLQ_REASON, rejected.reason());
        header(headers, MailHeaders.DLQ_STAGE, stage);
        header(headers, MailHeaders.DLQ_ORIGINAL_TOPIC, Topics.MAIL_RECEIVED);
        header(headers, MailHeaders.DLQ_FAILED_AT, rejected.receivedAt().toString());
        String key = rejected.source() + "@" + rejected.sourcePosition();
        return new ProducerRecord<>(Topics.MAIL_RECEIVED_DLQ, null, key, json(letter, json), headers);
    }

    /** A checkpoint on the compacted {@link Topics#INGEST_CHECKPOINTS}, keyed by source name. */
    public static ProducerRecord<String, byte[]> checkpoint(IngestCheckpoint checkpoint, ObjectMapper json) {
        return new ProducerRecord<>(Topics.INGEST_CHECKPOINTS, checkpoint.source(), json(checkpoint, json));
    }

    private static byte[] json(Object value, ObjectMapper json) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(value.getClass().getSimpleName() + " not serialisable", e);
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
