package org.loredigest.classify.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class FetchedHeadersTest {

    /** A header as the consumer reads it: key and value are views of the fetched record's buffer. */
    @Test
    void detachedHeadersNoLongerReadTheRecordBuffer() {
        ByteBuffer record = ByteBuffer.wrap("lore.listcgroups and the whole mail after it".getBytes(StandardCharsets.UTF_8));
        RecordHeaders headers = new RecordHeaders();
        headers.add(new RecordHeader(record.duplicate().position(0).limit(9).slice(), record.duplicate().position(9).limit(16).slice()));

        FetchedHeaders.detach(headers);
        record.put(9, (byte) 'X'); // the buffer is reused or dropped: the header must not see it

        assertThat(headers.lastHeader("lore.list").value()).asString(StandardCharsets.UTF_8).isEqualTo("cgroups");
    }
}
