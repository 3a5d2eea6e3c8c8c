package org.loredigest.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeaderBlockTest {

    private static HeaderBlock headers(String text) {
        return HeaderBlock.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAuthorSubjectAndDatesFromFoldedHeaders() {
        HeaderBlock block = headers("""
                Received: from a.example by b.example;
                \tWed, 6 Mar 2024 19:26:39 +0100
                From: "Baghdasaryan, Suren" <surenb@google.com>
                Subject: [PATCH v5 05/37] fs: Convert
                 alloc_inode_sb() to a macro
                Date: Wed, 6 Mar 2024 10:24:03 -0800

                Subject: not a header, the body
                """);
        assertThat(block.author().git()).isEqualTo("Baghdasaryan, Suren <surenb@google.com>");
        assertThat(block.subject()).isEqualTo("[PATCH v5 05/37] fs: Convert alloc_inode_sb() to a macro");
        assertThat(block.written().orElseThrow().zone()).isEqualTo("-0800");
        assertThat(block.arrived().orElseThrow().zone()).isEqualTo("+0100");
    }

    @Test
    void decodesEncodedWordsAndStripsCharactersGitRejects() {
        HeaderBlock block = headers("From: =?UTF-8?Q?Michal_Koutn=C3=BD?= <mkoutny@suse.com>\n"
                + "Subject: =?UTF-8?B?UmU6IFtQQVRDSF0gw6Q=?=\n\n");
        assertThat(block.author().name()).isEqualTo("Michal Koutný");
        assertThat(block.subject()).isEqualTo("Re: [PATCH] ä");
        assertThat(HeaderBlock.ident("\"a <b>\" <x@y>").orElseThrow().git()).isEqualTo("a b <x@y>");
    }

    @Test
    void bareAndCommentStyleAddressesAndMissingHeadersHaveFallbacks() {
        assertThat(HeaderBlock.ident("syzbot@example.com").orElseThrow().git()).isEqualTo("syzbot <syzbot@example.com>");
        assertThat(HeaderBlock.ident("tj@kernel.org (Tejun Heo)").orElseThrow().git()).isEqualTo("Tejun Heo <tj@kernel.org>");
        HeaderBlock empty = headers("X-Nothing: here\n\nbody\n");
        assertThat(empty.subject()).isEqualTo("(no subject)");
        assertThat(empty.written()).isEmpty();
        assertThat(headers("Sender: list@example.org\n\n").author().email()).isEqualTo("list@example.org");
    }
}
