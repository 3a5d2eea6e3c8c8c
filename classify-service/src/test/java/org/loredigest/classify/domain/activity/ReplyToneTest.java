package org.loredigest.classify.domain.activity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.loredigest.events.ThreadClassified.MessageActivity;

/** What a person's reply does, read from its own words, and the sentence a digest quotes for it. */
class ReplyToneTest {

    @Test
    void aNakIsANakWithTheSentenceThatSaysSo() {
        ReplyTone.Tone tone = ReplyTone.of("Thanks for the patch.\n\nNAK, this breaks the kmem accounting of memcg v1. "
                + "Please keep the old behaviour.\n\nThanks,\nMichal", false);
        assertThat(tone.tone()).isEqualTo(MessageActivity.NAK);
        assertThat(tone.quote()).startsWith("NAK, this breaks the kmem accounting").doesNotContain("Michal");
    }

    @Test
    void anObjectionAndADesignQuestionAreToldApart() {
        assertThat(ReplyTone.of("I don't think we should expose this as a new cgroup file.", false).tone())
                .isEqualTo(MessageActivity.OBJECTION);
        assertThat(ReplyTone.of("Why not reuse memory.reclaim for this instead of adding a knob?", false).tone())
                .isIn(MessageActivity.OBJECTION, MessageActivity.QUESTION);
        assertThat(ReplyTone.of("Could you share the numbers for the 64-core machine as well?", false).tone())
                .isEqualTo(MessageActivity.QUESTION);
    }

    @Test
    void trailersAloneAreAnAckAndThanksIsNothing() {
        assertThat(ReplyTone.of("Acked-by: Tejun Heo <tj@kernel.org>", false).tone()).isEqualTo(MessageActivity.ACK);
        assertThat(ReplyTone.of("Thanks!", false)).isNull();
    }

    @Test
    void anAppliedStatementIsQuoted() {
        ReplyTone.Tone tone = ReplyTone.of("Applied to cgroup/for-6.9. Thanks.", true);
        assertThat(tone.tone()).isEqualTo(MessageActivity.APPLIED);
        assertThat(tone.quote()).contains("Applied to cgroup/for-6.9");
    }

    @Test
    void aRememberedReplyIsReadTheSameAndAppliedIsRememberedApart() {
        String text = "Applied to cgroup/for-6.10, but I don't think the second hunk is needed.";
        ReplyTone.Tone first = ReplyTone.of(text, false);
        assertThat(first.tone()).isEqualTo(MessageActivity.OBJECTION);
        assertThat(ReplyTone.of(text, false)).isEqualTo(first);
        assertThat(ReplyTone.of(text, true).tone()).isEqualTo(MessageActivity.APPLIED);
        assertThat(ReplyTone.of(text, false)).isEqualTo(first);
        assertThat(ReplyTone.of("Thanks!", false)).isNull();
        assertThat(ReplyTone.of("Thanks!", false)).isNull();
        assertThat(ReplyTone.of(null, false)).isNull();
    }
}
