package org.loredigest.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.loredigest.mail.header.RawHeader;
import org.loredigest.mail.mbox.MboxMessage;
import org.loredigest.mail.testing.Corpus;

class ThreadBucketsTest {

    private static final MailParser PARSER = new MailParser();

    private static String bucket(String headers) {
        return ThreadBuckets.of(RawHeader.scan((headers + "\n\nbody\n").getBytes(StandardCharsets.UTF_8)), "key");
    }

    @Test
    void theOldestReferenceElseInReplyToElseTheRecordKey() {
        assertThat(bucket("Message-ID: <c@x>\nReferences: <a@x> <b@x>\nIn-Reply-To: <b@x>")).isEqualTo("a@x");
        assertThat(bucket("Message-ID: <c@x>\nIn-Reply-To: <b@x>")).isEqualTo("b@x");
        assertThat(bucket("Message-ID: <c@x>")).isEqualTo("key");
        assertThat(bucket("Subject: no id")).isEqualTo("key");
    }

    @Test
    void referencesToTheMailItselfDoNotCount() {
        assertThat(bucket("Message-ID: <c@x>\nReferences: <c@x> <a@x>")).isEqualTo("a@x");
        assertThat(bucket("Message-ID: <c@x>\nReferences: <c@x>\nIn-Reply-To: <c@x>")).isEqualTo("key");
    }

    /** The header-only answer equals what thread state derives from the parsed mail, for every corpus mail. */
    @Test
    void agreesWithTheParsedMailOnTheCorpus() {
        assumeTrue(Corpus.available(), "shared corpus not found at " + Corpus.corpus());
        int count = 0;
        for (Path mbox : Corpus.allMboxes()) {
            for (MboxMessage m : Corpus.read(mbox)) {
                ParsedMail mail = PARSER.parse(m.raw(), Instant.EPOCH);
                String expected = mail.threadReferences().isEmpty() ? "key" : mail.threadReferences().get(0);
                assertThat(ThreadBuckets.of(RawHeader.scan(m.raw()), "key")).as("%s #%d", mbox.getFileName(), m.index())
                        .isEqualTo(expected);
                count++;
            }
        }
        assertThat(count).isPositive();
    }
}
