package org.loredigest.classify.domain.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.loredigest.classify.domain.AlternationTest;
import org.loredigest.classify.testing.Corpus;

/** The objection phrases, matched in either case, find exactly what their pattern finds, on real mail. */
class ObjectionPhrasesTest {

    @Test
    void sameMatchesAsThePatternOnRealMail() {
        Path mbox = Corpus.securityModule();
        assumeTrue(Files.isRegularFile(mbox), "the shared corpus is beside the repository");
        int found = 0;
        int mails = 0;
        for (byte[] raw : Corpus.messages(mbox)) {
            String text = new String(raw, StandardCharsets.UTF_8);
            String expected = AlternationTest.reference(ReplyTone.OBJECTION.pattern(), text);
            assertThat(ReplyTone.OBJECTION.find(text)).isEqualTo(expected);
            found += expected == null ? 0 : 1;
            mails++;
        }
        assertThat(mails).isGreaterThan(500);
        assertThat(found).isGreaterThan(100);
    }
}
