package org.loredigest.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way a Message-ID is spelled in real headers names one mail: the same id for the Kafka record key, the
 * Elasticsearch document id and the thread links (In-Reply-To, References).
 */
class MessageIdsTest {

    private static final String ID = "20240301.abc-1@kernel.org";

    @ParameterizedTest
    @ValueSource(strings = {
        "<20240301.abc-1@kernel.org>",
        "20240301.abc-1@kernel.org",
        "  <20240301.abc-1@kernel.org>\t",
        // a comment after the id, with and without brackets (the two normalisers once disagreed on the bare one)
        "<20240301.abc-1@kernel.org> (added by the list)",
        "20240301.abc-1@kernel.org (added by the list)",
        "20240301.abc-1@kernel.org(comment)",
        "(sent by a bot) <20240301.abc-1@kernel.org>",
        // a display name around the id: "<Name <id>>" (they once gave "Name<id" and "id")
        "<Jane Doe <20240301.abc-1@kernel.org>>",
        "<Jane Doe <20240301.abc-1@kernel.org>",
        "Jane Doe <20240301.abc-1@kernel.org>",
        // duplicate brackets
        "<<20240301.abc-1@kernel.org>>",
        // folded whitespace inside the id (a long id split over two lines)
        "<20240301.abc-1@\n kernel.org>",
        "<20240301.abc-1\r\n\t@kernel.org>",
        // the closing bracket cut off, also before a comment
        "<20240301.abc-1@kernel.org",
        "<20240301.abc-1@kernel.org (comment)",
        // two ids: the first counts
        "<20240301.abc-1@kernel.org> <other@kernel.org>"
    })
    void everySpellingOfOneIdIsTheSameId(String spelling) {
        assertThat(MessageIds.normalize(spelling)).isEqualTo(ID);
        assertThat(MessageIds.parseList(spelling)).first().isEqualTo(ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<20240301.abc-1@kernel.org> (added by the list)",
        "20240301.abc-1@kernel.org (added by the list)",
        "<Jane Doe <20240301.abc-1@kernel.org>>",
        "<20240301.abc-1@\n kernel.org>",
        "<20240301.abc-1@kernel.org"
    })
    void aMailAndItsReplyMeetWhateverTheSpelling(String spelling) {
        MailParser parser = new MailParser();
        Instant now = Instant.parse("2024-03-01T12:00:00Z");
        ParsedMail mail = parser.parse(mail("Message-ID: " + spelling.replace("\n", "\n "), null), now);
        ParsedMail reply = parser.parse(mail("Message-ID: <reply@kernel.org>", "In-Reply-To: " + ID), now);
        assertThat(mail.messageId()).isEqualTo(ID);
        assertThat(reply.parentId()).isEqualTo(mail.messageId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "<>", "< >", "()", "(only a comment)"})
    void nothingUsableIsNoId(String spelling) {
        assertThat(MessageIds.normalize(spelling)).isNull();
    }

    private static byte[] mail(String idHeader, String replyHeader) {
        String header = idHeader + "\nFrom: Jane <jane@example.org>\nSubject: [PATCH] mm: x\n"
                + "Date: Fri, 1 Mar 2024 10:00:00 +0000\n" + (replyHeader == null ? "" : replyHeader + "\n");
        return (header + "\nbody\n").getBytes(StandardCharsets.UTF_8);
    }
}
