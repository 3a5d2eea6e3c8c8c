package org.loredigest.mail.header;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawHeaderTest {

    private static RawHeader scan(String header) {
        return RawHeader.scan(header.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void findsTheFirstFieldCaseInsensitivelyAndUnfoldsCrlfContinuations() {
        RawHeader h = scan("Subject: a\r\n  long one\r\nmessage-id:\r\n\t<x@y>\r\nMessage-ID: <second@y>\r\n\r\nMessage-ID: <body@y>\r\n");
        assertThat(h.get("Message-ID")).isEqualTo("<x@y>");
        assertThat(h.getAll("MESSAGE-ID")).containsExactly("<x@y>", "<second@y>");
        assertThat(h.get("subject")).isEqualTo("a  long one");
        assertThat(h.fieldCount()).isEqualTo(3);
    }

    @Test
    void stopsAtTheEndOfTheHeaderSection() {
        byte[] raw = "Subject: a\n\nMessage-ID: <in-body@y>\n".getBytes(StandardCharsets.UTF_8);
        RawHeader h = RawHeader.scan(raw);
        assertThat(h.get("Message-ID")).isNull();
        assertThat(h.bodyOffset()).isEqualTo("Subject: a\n\n".length());
        assertThat(RawHeader.scan(new byte[0]).get("Message-ID")).isNull();
        assertThat(scan("Subject: a\r\n\r\nbody").bodyOffset()).isEqualTo("Subject: a\r\n\r\n".length());
        assertThat(scan("Subject: no body\n").bodyOffset()).isEqualTo("Subject: no body\n".length());
    }

    @Test
    void aLineThatIsNotAFieldEndsTheHeaderWhereAReaderMayGoOn() {
        String text = "From: a@example.org\nnot a field\nSubject: after it\n\nbody\n";
        RawHeader h = scan(text);
        assertThat(h.malformedLine()).isTrue();
        assertThat(h.get("subject")).isNull();
        assertThat(h.bodyOffset()).isEqualTo(text.indexOf("not a field"));

        RawHeader rest = RawHeader.scan(h.raw(), text.indexOf("Subject:"));
        assertThat(rest.get("subject")).isEqualTo("after it");
        assertThat(rest.malformedLine()).isFalse();
        assertThat(rest.bodyOffset()).isEqualTo(text.indexOf("body"));
    }

    @Test
    void aLeadingMboxFromLineIsSkipped() {
        RawHeader h = scan("From jane@example.org Fri Mar  1 10:00:00 2024\nFrom: Jane <jane@example.org>\n\nbody");
        assertThat(h.fieldCount()).isEqualTo(1);
        assertThat(h.get("from")).isEqualTo("Jane <jane@example.org>");
    }

    @Test
    void valueOffsetsSpanTheContinuationLinesWithoutTheLastLineBreak() {
        String text = "Subject: one\r\n two\r\nTo: x\r\n\r\n";
        RawHeader h = scan(text);
        assertThat(text.substring(h.valueStart(0), h.valueEnd(0))).isEqualTo(" one\r\n two");
        assertThat(text.substring(h.valueStart(1), h.valueEnd(1))).isEqualTo(" x");
    }

    @Test
    void eightBitValuesAreUtf8ElseWindows1252() {
        byte[] latin1 = "From: Ren\u00e9 <r@example.org>\n\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(RawHeader.scan(latin1).get("from")).isEqualTo("Ren\u00e9 <r@example.org>");
        assertThat(scan("From: Ren\u00e9 <r@example.org>\n\n").get("from")).isEqualTo("Ren\u00e9 <r@example.org>");
    }
}
