package org.loredigest.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawHeadersTest {

    @Test
    void findsFirstHeaderCaseInsensitivelyAndUnfolds() {
        byte[] raw = "Subject: a\r\nmessage-id:\r\n\t<x@y>\r\nMessage-ID: <second@y>\r\n\r\nMessage-ID: <body@y>\r\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(RawHeaders.first(raw, "Message-ID")).isEqualTo("<x@y>");
        assertThat(RawHeaders.first(raw, "Subject")).isEqualTo("a");
    }

    @Test
    void stopsAtTheEndOfTheHeaderSection() {
        byte[] raw = "Subject: a\n\nMessage-ID: <in-body@y>\n".getBytes(StandardCharsets.UTF_8);
        assertThat(RawHeaders.first(raw, "Message-ID")).isNull();
        assertThat(RawHeaders.first(new byte[0], "Message-ID")).isNull();
    }
}
