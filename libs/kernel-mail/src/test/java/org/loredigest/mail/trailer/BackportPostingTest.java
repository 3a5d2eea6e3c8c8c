package org.loredigest.mail.trailer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.loredigest.mail.MailParser;
import org.loredigest.mail.ParsedMail;

/** Backports that open with a note and a {@code ---} line before the original commit message. */
class BackportPostingTest {

    private static final String DIFF = """
             mm/memcontrol.c | 2 +-
             1 file changed, 1 insertion(+), 1 deletion(-)

            diff --git a/mm/memcontrol.c b/mm/memcontrol.c
            index 1111111..2222222 100644
            --- a/mm/memcontrol.c
            +++ b/mm/memcontrol.c
            @@ -1,3 +1,3 @@
             int a;
            -int b;
            +long b;
             int c;
            """;

    private static final String BACKPORT = """
            [ Upstream commit 0123456789abcdef0123456789abcdef01234567 ]

            NOTE: this is a partial backport, the selftest part does not apply to 6.1.
            ---
            memcg: fix the stock refcount

            The per-cpu stock can be drained while it is in use.

            Fixes: 89abcdef0123 ("memcg: add per-cpu stock")
            Cc: stable@vger.kernel.org # 6.1
            Signed-off-by: Jane Doe <jane@example.org>
            Signed-off-by: Stable Keeper <keeper@example.org>
            ---
            v2: dropped the selftest hunk
            """ + DIFF;

    @Test
    void theMessageBelowALeadingNoteKeepsItsTrailers() {
        ParsedMail m = parse("[PATCH 6.1] memcg: fix the stock refcount", BACKPORT);
        assertThat(m.trailers()).extracting(Trailer::type).containsExactly(TrailerType.FIXES, TrailerType.CC,
                TrailerType.SIGNED_OFF_BY, TrailerType.SIGNED_OFF_BY);
        assertThat(m.trailers().get(0).commit()).isEqualTo("89abcdef0123");
        assertThat(m.commitMessage()).startsWith("memcg: fix the stock refcount\n\nThe per-cpu stock")
                .endsWith("Signed-off-by: Stable Keeper <keeper@example.org>").doesNotContain("NOTE:");
        assertThat(m.patch().notes()).isEqualTo("v2: dropped the selftest hunk");
        assertThat(m.patch().files()).hasSize(1);
    }

    @Test
    void trailersClosingTheNoteAreKeptToo() {
        String misplaced = """
                v2:
                - fixed the build without CONFIG_NUMA_BALANCING

                Reported-by: kernel test robot <lkp@intel.com>
                Closes: https://lore.kernel.org/oe-kbuild-all/202408110848.abc-lkp@intel.com/
                ---
                memcg: count NUMA balancing per cgroup

                Signed-off-by: Jane Doe <jane@example.org>
                ---
                """ + DIFF;
        ParsedMail m = parse("[PATCH v2] memcg: count NUMA balancing per cgroup", misplaced);
        assertThat(m.trailers()).extracting(Trailer::type).containsExactly(TrailerType.REPORTED_BY, TrailerType.CLOSES,
                TrailerType.SIGNED_OFF_BY);
        assertThat(m.commitMessage()).startsWith("memcg: count NUMA");
    }

    @Test
    void aNormalPatchStillEndsItsMessageAtTheFirstSeparator() {
        String normal = """
                memcg: fix the stock refcount

                The per-cpu stock can be drained while it is in use.

                Signed-off-by: Jane Doe <jane@example.org>
                ---
                v2: reworded
                ---
                Signed-off-by: Not A Trailer <x@example.org>
                """ + DIFF;
        ParsedMail m = parse("[PATCH] memcg: fix the stock refcount", normal);
        assertThat(m.trailers()).extracting(Trailer::personEmail).containsExactly("jane@example.org");
        assertThat(m.commitMessage()).startsWith("memcg: fix").endsWith("<jane@example.org>");
        assertThat(m.patch().notes()).startsWith("v2: reworded");
        assertThat(CommitMessages.span(normal).belowNote()).isFalse();
    }

    @Test
    void unsignedTextWithoutASignedPartBelowIsLeftAlone() {
        String unsigned = "A note with no trailers.\n---\nmore notes, unsigned\n---\n" + DIFF;
        assertThat(CommitMessages.span(unsigned).belowNote()).isFalse();
        assertThat(CommitMessages.of(unsigned)).isEqualTo("A note with no trailers.");
        assertThat(CommitMessages.of("just text\n")).isEqualTo("just text");
        assertThat(CommitMessages.of("---\n" + DIFF)).isEmpty();
        assertThat(CommitMessages.span("note\n---\nmsg\n\nSigned-off-by: A <a@b>\n").belowNote())
                .as("no second separator: the note is the message").isFalse();
    }

    private static ParsedMail parse(String subject, String body) {
        String raw = "From: Jane Doe <jane@example.org>\nMessage-ID: <b1@example.org>\nDate: Mon, 2 Dec 2024 10:00:00 +0000\n"
                + "Subject: " + subject + "\n\n" + body;
        return new MailParser().parse(raw.getBytes(StandardCharsets.UTF_8), Instant.parse("2024-12-03T00:00:00Z"));
    }
}
