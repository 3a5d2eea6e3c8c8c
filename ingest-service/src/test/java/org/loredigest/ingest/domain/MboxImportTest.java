package org.loredigest.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loredigest.events.MailReceived;
import org.loredigest.events.MessageKey;

class MboxImportTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    /** Keeps what it is given; stands in for the broker in plain unit tests of the import rules. */
    static final class RecordingSink implements MailSink {
        final List<MailReceived> accepted = new ArrayList<>();
        final List<String> digests = new ArrayList<>();
        final List<RejectedMail> rejected = new ArrayList<>();
        int flushes;

        @Override
        public void accept(MailReceived mail, String contentDigest) {
            accepted.add(mail);
            digests.add(contentDigest);
        }

        @Override
        public void reject(RejectedMail mail) {
            rejected.add(mail);
        }

        @Override
        public void flush() {
            flushes++;
        }
    }

    @Test
    void publishesEveryMessageWithKeyFromMessageIdAndFlushes() {
        String mbox = """
                From mboxrd@z Thu Jan  1 00:00:00 1970
                Message-ID:
                 <folded@example.org>
                Subject: one

                body
                
                From mboxrd@z Thu Jan  1 00:00:00 1970
                Subject: no id

                body
                """;
        RecordingSink sink = new RecordingSink();
        ImportResult result = new MboxImport(sink, CLOCK, 1024).run(stream(mbox), "linux-mm", "mbox:test");
        assertThat(result.messages()).isEqualTo(2);
        assertThat(sink.flushes).isEqualTo(1);
        assertThat(sink.accepted.get(0).key()).isEqualTo("folded@example.org");
        assertThat(sink.accepted.get(0).sourcePosition()).isEqualTo("offset:0");
        assertThat(sink.accepted.get(1).key()).startsWith(MessageKey.CONTENT_PREFIX);
        assertThat(sink.accepted).allSatisfy(m -> assertThat(m.list()).isEqualTo("linux-mm"));
    }

    @Test
    void oversizedMessagesAreRejectedWithAReasonAndTheRestGoesOn() {
        String mbox = "From x\nMessage-ID: <big@x>\n\n" + "x".repeat(5000) + "\nFrom x\nMessage-ID: <small@x>\n\nok\n";
        RecordingSink sink = new RecordingSink();
        ImportResult result = new MboxImport(sink, CLOCK, 1000).run(stream(mbox), "cgroups", "mbox:test");
        assertThat(result.messages()).isEqualTo(1);
        assertThat(result.rejected()).isEqualTo(1);
        assertThat(sink.rejected.get(0).reason()).contains("exceeds the limit of 1000 bytes");
        assertThat(sink.accepted.get(0).key()).isEqualTo("small@x");
    }

    @Test
    void listNamesAreChecked() {
        assertThatThrownBy(() -> new MboxImport(new RecordingSink(), CLOCK, 10).run(stream(""), "Linux MM", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lore list name");
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
