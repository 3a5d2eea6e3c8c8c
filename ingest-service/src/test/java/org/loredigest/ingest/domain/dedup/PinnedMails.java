package org.loredigest.ingest.domain.dedup;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Small mails, ordinary and odd, whose record keys and content digests are pinned in {@link PinnedIdentitiesTest}.
 * Written as ISO-8859-1 strings so that every byte can be spelled: {@code \u00e9} is the single byte 0xE9 (not
 * UTF-8), {@code \u00c3\u00a9} the two UTF-8 bytes of "é".
 */
final class PinnedMails {

    record Mail(String name, byte[] raw) {
    }

    static final List<Mail> ALL = List.of(
            mail("plain", "From: Jane Doe <jane@example.org>\nDate: Fri, 1 Mar 2024 10:00:00 +0000\n"
                    + "Subject: [PATCH] mm: fix a leak\nMessage-ID: <20240301.1@example.org>\n\nThe fix.\n\n"
                    + "Signed-off-by: Jane Doe <jane@example.org>\n"),
            mail("crlf, folded, names in any case", "Received: from a by b\r\nSUBJECT: [PATCH v2 1/3] mm: a long\r\n"
                    + "\tsubject line\r\nfrom: \"Doe, Jane\"\r\n <jane@example.org>\r\nmessage-id:\r\n <20240301.2@example.org>\r\n"
                    + "Date: Fri, 1 Mar 2024 10:00:00 +0000\r\n\r\nBody line\r\n\r\n\r\n"),
            mail("8-bit headers, not all UTF-8", "From: Ren\u00e9 <rene@example.org>\nSubject: caf\u00c3\u00a9 \u00e9t\u00e9\n"
                    + "Date: Fri, 1 Mar 2024 10:00:00 +0000\nMessage-ID: <3@example.org>\n\nbody \u00e9\n"),
            mail("repeated fields, fields in the body", "Subject: first\nSubject: second\nFrom: a@example.org\n\n"
                    + "Message-ID: <in-body@example.org>\nFrom: b@example.org\n"),
            mail("a line without colon among the fields", "Message-ID: <5@example.org>\nX-Mailer this line has no colon\n"
                    + "From: Late <late@example.org>\nSubject: after the bad line\n\nbody\n"),
            mail("mbox From line", "From jane@example.org Fri Mar  1 10:00:00 2024\nFrom: Jane <jane@example.org>\n"
                    + "Subject: mbox\nMessage-ID: <6@example.org>\n\nbody\n"),
            mail("no body", "From: a@example.org\nSubject: no body\nMessage-ID: <7@example.org>\n"),
            mail("no header, LF", "\n\nbody only\n"),
            mail("no header, CRLF", "\r\nFrom: x@example.org\n\nbody\n"),
            mail("no header, LF then CRLF", "\n\r\nbody"),
            mail("odd whitespace", "From: a@example.org\nSubject: \ftabs\tand\rcr \u00e2\u0080\u0083\nDate: x\n"
                    + "Message-ID: <9@example.org>\n\nbody\n"),
            mail("blank continuation line", "Subject: a\n \n\tb\nFrom: c@example.org\nMessage-ID: <10@example.org>\n\nbody\n"),
            mail("starts with a continuation line", " folded first\nFrom: x@example.org\nMessage-ID: <11@example.org>\n\nbody"),
            mail("space before the colon", "Subject : spaced\nFrom: y@example.org\n\nbody"),
            mail("a line of carriage returns", "From: a@example.org\n\r\r\nSubject: s\nMessage-ID: <13@example.org>\n\nbody\n"),
            mail("broken Message-ID", "From: a@example.org\nMessage-ID: <Name <14@example.org>>\nSubject: s\n\nbody\n"));

    private PinnedMails() {
    }

    private static Mail mail(String name, String latin1) {
        return new Mail(name, latin1.getBytes(StandardCharsets.ISO_8859_1));
    }
}
