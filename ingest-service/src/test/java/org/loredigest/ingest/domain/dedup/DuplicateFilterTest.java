package org.loredigest.ingest.domain.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loredigest.mail.header.RawHeader;

class DuplicateFilterTest {

    static RawHeader mail(String transport, String messageId, String body) {
        return RawHeader.scan((transport + "From: A <a@kernel.org>\nDate: Mon, 1 Apr 2024 10:00:00 +0000\nSubject: [PATCH] mm: x\n"
                + "Message-ID: <" + messageId + ">\n\n" + body).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void digestIgnoresTransportHeadersLineEndingsAndTrailingBlankLines() {
        RawHeader viaMm = mail("Received: from a by b\nList-Id: <linux-mm.kvack.org>\n", "1@x", "hello\nworld\n");
        RawHeader viaCgroups = mail("List-Id: <cgroups.vger.kernel.org>\n", "1@x", "hello\r\nworld\r\n\n\n");
        assertThat(ContentDigest.of(viaMm)).isEqualTo(ContentDigest.of(viaCgroups)).startsWith("sha256:");
        assertThat(ContentDigest.of(mail("", "1@x", "hello\nworld!\n"))).isNotEqualTo(ContentDigest.of(viaMm));
    }

    @Test
    void copiesAreSkippedAndAReusedMessageIdIsPublishedUnderItsDigest() {
        DuplicateFilter filter = new DuplicateFilter(new SeenMessages(100));
        Object batch = new Object();
        DuplicateFilter.Admission first = filter.admit(mail("", "1@x", "a\n"), batch);
        assertThat(first.isNew()).isTrue();
        assertThat(first.key()).isEqualTo("1@x");

        DuplicateFilter.Admission copy = filter.admit(mail("Received: later\n", "1@x", "a\n"), batch);
        assertThat(copy.isNew()).isFalse();

        DuplicateFilter.Admission other = filter.admit(mail("", "1@x", "another mail\n"), batch);
        assertThat(other.isNew()).isTrue();
        assertThat(other.key()).isEqualTo(other.digest()).startsWith("sha256:");
    }

    @Test
    void claimsOfAnAbortedBatchAreReleasedSoTheRetryPublishes() {
        DuplicateFilter filter = new DuplicateFilter(new SeenMessages(100));
        Object aborted = new Object();
        DuplicateFilter.Admission claimed = filter.admit(mail("", "2@x", "b\n"), aborted);
        filter.release(List.of(claimed.key()), aborted);
        assertThat(filter.admit(mail("", "2@x", "b\n"), new Object()).isNew()).isTrue();
    }

    @Test
    void memoryIsBoundedToTheMostRecentKeys() {
        SeenMessages seen = new SeenMessages(2);
        seen.remember("a", "d1");
        seen.remember("b", "d2");
        seen.remember("c", "d3");
        assertThat(seen.size()).isEqualTo(2);
        assertThat(seen.claim("a", "d1", new Object())).isEqualTo(SeenMessages.Verdict.NEW);
        assertThat(seen.claim("c", "d3", new Object())).isEqualTo(SeenMessages.Verdict.DUPLICATE);
    }
}
