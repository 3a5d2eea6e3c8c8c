package org.loredigest.mail.trailer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrailerParserTest {

    private static final String PATCH = """
            mm: fix the thing

            Explain the thing. Note: not a trailer.

            Fixes: 1234567890ab ("mm: break the thing
            badly")
            Reported-by: Some One <some@example.org>
            Closes: https://lore.kernel.org/r/abc@example.org/
            Cc: stable@vger.kernel.org # 6.1+
            Signed-off-by: Long Name
            <long@example.org>
            Acked-by: Maintainer <m@example.org>
            [m: fixed the typo]
            ---
            v2: changelog line
            Reviewed-by: Not A Trailer <below@separator.org>

             mm/x.c | 2 +-
            diff --git a/mm/x.c b/mm/x.c
            ---
            base-commit: 0123456789abcdef0123456789abcdef01234567
            change-id: 20240101-thing-abcdef
            -- \n            2.43.0
            """;

    @Test
    void patchTrailersFollowB4Rules() {
        List<Trailer> t = TrailerParser.fromMessage(PATCH);
        assertThat(t).extracting(Trailer::type).containsExactly(TrailerType.FIXES, TrailerType.REPORTED_BY, TrailerType.CLOSES,
                TrailerType.CC, TrailerType.SIGNED_OFF_BY, TrailerType.ACKED_BY, TrailerType.BASE_COMMIT, TrailerType.CHANGE_ID);
        assertThat(t.get(0).commit()).isEqualTo("1234567890ab");
        assertThat(t.get(0).commitTitle()).isEqualTo("mm: break the thing badly");
        assertThat(t.get(2).url()).isEqualTo("https://lore.kernel.org/r/abc@example.org/");
        assertThat(t.get(3).stableCc()).isTrue();
        assertThat(t.get(3).comment()).isEqualTo("# 6.1+");
        assertThat(t.get(4).personName()).isEqualTo("Long Name");
        assertThat(t.get(4).personEmail()).isEqualTo("long@example.org");
        assertThat(t.get(5).comment()).isEqualTo("[m: fixed the typo]");
        assertThat(t.get(6).commit()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThat(t.get(7).value()).isEqualTo("20240101-thing-abcdef");
        assertThat(t).noneMatch(Trailer::followUp);
    }

    @Test
    void followUpTrailersNeedAPersonAndNoUrl() {
        List<Trailer> t = TrailerParser.fromFollowUp("""
                Looks good to me.

                Reviewed-by: Reviewer <r@example.org>
                Tested-by: tester
                Link: https://example.org/x
                Note: this is prose
                Fixes: abcdef012345 ("x")
                """);
        assertThat(t).extracting(Trailer::type).containsExactly(TrailerType.REVIEWED_BY, TrailerType.FIXES);
        assertThat(t).allMatch(Trailer::followUp);
    }

    @Test
    void longTextsWithFewColonsOrManyBaseCommitsAreReadInLinearTime() {
        // both used to search the rest of the text again for every line or hit: minutes on a 20 MB body
        long start = System.nanoTime();
        List<Trailer> followUp = TrailerParser.fromFollowUp("Reviewed-by: A Dev <dev@example.org>\n"
                + "no colon here\n".repeat(1_000_000));
        List<Trailer> own = TrailerParser.fromMessage("fix\n\nSigned-off-by: A Dev <dev@example.org>\n---\n"
                + "base-commit: 0123456789abcdef\n".repeat(200_000));
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(3));
        assertThat(followUp).singleElement().extracting(Trailer::personEmail).isEqualTo("dev@example.org");
        assertThat(own).hasSize(1 + 200_000);
    }
}
