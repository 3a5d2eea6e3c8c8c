package org.loredigest.classify.domain.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.loredigest.classify.testing.Mails;
import org.loredigest.mail.MailParser;
import org.loredigest.mail.trailer.Trailer;
import org.loredigest.mail.trailer.TrailerType;

/** A posting's text is kernel-mail's commit message, its trailers kernel-mail's trailers. */
class MailMappingTest {

    private static ThreadMessage posting(String subject, String body) {
        byte[] raw = Mails.mail("p1@example.org", "A Dev <dev@example.org>", "Mon, 2 Dec 2024 10:00:00 +0000", subject, null,
                null, body);
        return MailMapping.toThreadMessage("p1@example.org", "cgroups", new MailParser().parse(raw, Instant.EPOCH));
    }

    @Test
    void aPatchKeepsTheTextAboveItsSeparator() {
        ThreadMessage m = posting("[PATCH] mm: fix a leak", Mails.patchBody("mm: fix a leak\n\nThe leak is fixed.", "mm/memcontrol.c"));
        assertThat(m.text()).isEqualTo("mm: fix a leak\n\nThe leak is fixed.\n\nSigned-off-by: A Dev <dev@example.org>");
        assertThat(m.trailers()).extracting(Trailer::type).containsExactly(TrailerType.SIGNED_OFF_BY);
    }

    @Test
    void aBackportKeepsTheMessageBelowItsLeadingNote() {
        String body = "[ Upstream commit 0123456789abcdef0123456789abcdef01234567 ]\n\nNOTE: partial backport.\n---\n"
                + Mails.patchBody("memcg: fix the stock refcount\n\nThe stock can be drained while in use.", "mm/memcontrol.c");
        ThreadMessage m = posting("[PATCH 6.1] memcg: fix the stock refcount", body);
        assertThat(m.text()).startsWith("memcg: fix the stock refcount").doesNotContain("NOTE")
                .endsWith("Signed-off-by: A Dev <dev@example.org>");
        assertThat(m.trailers()).extracting(Trailer::type).containsExactly(TrailerType.SIGNED_OFF_BY);
    }

    @Test
    void aPatchWithoutMessageHasNoText() {
        String body = Mails.patchBody("", "MAINTAINERS").replaceFirst("^\\n*Signed-off-by: A Dev <dev@example.org>\\n", "");
        assertThat(body).startsWith("---\n");
        assertThat(posting("[PATCH 01/14] Update MAINTAINERS file.", body).text()).isEmpty();
    }
}
