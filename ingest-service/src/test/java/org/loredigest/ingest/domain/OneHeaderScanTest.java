package org.loredigest.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.loredigest.ingest.domain.dedup.ContentDigest;
import org.loredigest.ingest.domain.dedup.DuplicateFilter;
import org.loredigest.ingest.domain.dedup.SeenMessages;
import org.loredigest.mail.header.RawHeader;

/**
 * Ingest reads a mail's header section once: the record key, the content digest and the duplicate check all take the
 * one {@link RawHeader} scanned when the mail arrives, and the digest travels to the sink with the mail.
 */
class OneHeaderScanTest {

    private static final String MAIL = "Received: from a by b\nFrom: Jane <jane@example.org>\n"
            + "Date: Fri, 1 Mar 2024 10:00:00 +0000\nSubject: [PATCH] mm: fix a leak\nMessage-ID: <1@example.org>\n\nbody\n";

    @Test
    void keyDigestAndDuplicateCheckReadTheScanTheyAreGiven() {
        DuplicateFilter.Admission intact = new DuplicateFilter(new SeenMessages(10)).admit(RawHeader.scan(bytes()), new Object());

        byte[] raw = bytes();
        RawHeader header = RawHeader.scan(raw);
        // renamed after the scan: reading the bytes again would find neither Subject nor Message-ID
        rename(raw, "Subject:", "Subjekt:");
        rename(raw, "Message-ID:", "Message-IX:");
        assertThat(RawHeader.scan(raw).get("message-id")).isNull();

        DuplicateFilter.Admission admitted = new DuplicateFilter(new SeenMessages(10)).admit(header, new Object());
        assertThat(admitted.key()).isEqualTo("1@example.org").isEqualTo(intact.key());
        assertThat(admitted.digest()).isEqualTo(intact.digest());
    }

    @Test
    void theSinkGetsTheDigestWithTheMail() {
        MboxImportTest.RecordingSink sink = new MboxImportTest.RecordingSink();
        ImportSession session = new ImportSession(sink, MboxImportTest.CLOCK, 1 << 20,
                new DuplicateFilter(new SeenMessages(10)), "cgroups", "upload:test");
        session.message(bytes(), "offset:0");
        session.message(bytes(), "offset:1");
        session.finish();
        assertThat(sink.accepted).extracting(m -> m.key()).containsExactly("1@example.org");
        assertThat(sink.digests).containsExactly(ContentDigest.of(RawHeader.scan(bytes())));
    }

    private static byte[] bytes() {
        return MAIL.getBytes(StandardCharsets.UTF_8);
    }

    private static void rename(byte[] raw, String from, String to) {
        int at = new String(raw, StandardCharsets.ISO_8859_1).indexOf(from);
        byte[] replacement = to.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(replacement, 0, raw, at, replacement.length);
    }
}
