package org.loredigest.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;
import org.loredigest.events.MailHeaders;
import org.loredigest.events.MailReceived;

class ReceivedRecordsTest {

    private static MailReceived mail(String key, String headers) {
        return new MailReceived(key, "cgroups", "test", "offset:0", Instant.EPOCH,
                (headers + "\nSubject: s\n\nbody\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String header(org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void aReplyIsKeyedByItsIdAndPlacedWhereItsThreadBucketHashes() {
        var record = ReceivedRecords.mail(mail("r@x", "Message-ID: <r@x>\nIn-Reply-To: <p@x>\nReferences: <root@x> <p@x>"),
                "sha256:d", 12);
        assertThat(record.key()).isEqualTo("r@x");
        assertThat(header(record, MailHeaders.THREAD_BUCKET)).isEqualTo("root@x");
        // where Kafka's default partitioner puts the String key "root@x": thread state's bucket, and rerouting's target
        assertThat(record.partition()).isEqualTo(BuiltInPartitioner.partitionForKey("root@x".getBytes(StandardCharsets.UTF_8), 12));
    }

    @Test
    void aThreadStarterIsItsOwnBucket() {
        var starter = ReceivedRecords.mail(mail("s@x", "Message-ID: <s@x>"), "sha256:d", 3);
        assertThat(header(starter, MailHeaders.THREAD_BUCKET)).isEqualTo("s@x");
        assertThat(starter.partition()).isEqualTo(BuiltInPartitioner.partitionForKey("s@x".getBytes(StandardCharsets.UTF_8), 3));
    }

    /** Without a partition count the producer places the record by its key, and no header claims otherwise. */
    @Test
    void anUnknownPartitionCountLeavesPlacementToTheProducerAndNamesNoBucket() {
        var reply = ReceivedRecords.mail(mail("r@x", "Message-ID: <r@x>\nIn-Reply-To: <p@x>"), "sha256:d", 0);
        assertThat(reply.partition()).isNull();
        assertThat(header(reply, MailHeaders.THREAD_BUCKET)).isNull();
    }

    /** A source that knows what it has left says so; one that does not, says nothing. */
    @Test
    void theSourceBacklogTravelsOnlyWhenKnown() {
        byte[] raw = "Message-ID: <s@x>\nSubject: s\n\nbody\n".getBytes(StandardCharsets.UTF_8);
        var known = ReceivedRecords.mail(new MailReceived("s@x", "cgroups", "git:x/0", "epoch:0/commit:c", Instant.EPOCH, raw,
                4_211), "sha256:d", 3);
        assertThat(header(known, MailHeaders.SOURCE_BACKLOG)).isEqualTo("4211");
        assertThat(header(ReceivedRecords.mail(mail("s@x", "Message-ID: <s@x>"), "sha256:d", 3), MailHeaders.SOURCE_BACKLOG))
                .isNull();
    }
}
