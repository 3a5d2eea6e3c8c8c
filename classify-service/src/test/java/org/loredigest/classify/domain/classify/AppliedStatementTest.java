package org.loredigest.classify.domain.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.loredigest.classify.domain.mail.MailMapping;
import org.loredigest.classify.domain.mail.ThreadMessage;
import org.loredigest.classify.testing.Mails;
import org.loredigest.mail.MailParser;

/** "Applied" counts only as a statement of its own, never as a word of a sentence wrapped onto a new line. */
class AppliedStatementTest {

    private static ThreadMessage reply(String body) {
        byte[] raw = Mails.mail("r1@example.org", "Maint Ainer <m@example.org>", "Mon, 2 Dec 2024 10:00:00 +0000",
                "Re: [PATCH] mm: something", "p1@example.org", "p1@example.org", body);
        return MailMapping.toThreadMessage("r1@example.org", "cgroups", new MailParser().parse(raw, Instant.EPOCH));
    }

    /** The message as thread state stored it before {@code appliedStatement} existed. */
    private static ThreadMessage withoutStatement(ThreadMessage m) {
        var json = org.loredigest.events.EventJson.mapper();
        try {
            var tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.valueToTree(m);
            tree.remove("appliedStatement");
            return json.treeToValue(tree, ThreadMessage.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aMaintainerSayingAppliedCounts() {
        assertThat(FixStatusRule.appliedText(reply("Thanks,\n\nApplied to for-6.14.\n"))).isTrue();
        assertThat(FixStatusRule.appliedText(reply("Hi,\nApplied, thanks!\n"))).isTrue();
    }

    @Test
    void aWrappedSentenceThatContinuesWithAppliedDoesNot() {
        String body = "Because we have DAMOS filter type for cgroups, we can know how\n"
                + "much of workingset belongs to specific groups.  This can be\n"
                + "applied to not only cgroups, but for any DAMOS filter types that exist (e.g.,\n"
                + "anonymous page, young page).\n";
        assertThat(FixStatusRule.appliedText(reply(body))).isFalse();
    }

    @Test
    void aMaintainerApplyingTheirOwnPatchSaysItInTheirWords() {
        assertThat(FixStatusRule.appliedText(reply("Thanks, patch are applied to\n"
                + "https://git.kernel.org/pub/scm/linux/kernel/git/jarkko/linux-tpmdd.git/log/?h=next\n"))).isTrue();
        assertThat(FixStatusRule.appliedText(reply("Thanks Casey.  As this is a pretty minor fix, I'm going to go ahead\n"
                + "and merge it into lsm/dev so it will go up to Linus during the next\nmerge window.\n"))).isTrue();
    }

    @Test
    void messagesKeptBeforeTheStatementWasRecordedAreReadFromTheirText() {
        ThreadMessage m = reply("Thanks,\n\nApplied to for-6.14.\n");
        assertThat(m.appliedStatement()).isEqualTo("Applied to for-6.14.");
        assertThat(FixStatusRule.appliedText(withoutStatement(m))).isTrue();
        assertThat(FixStatusRule.appliedText(withoutStatement(reply("It is applied for every cgroup\n")))).isFalse();
    }

    @Test
    void passiveWordsInsideASentenceStillDoNot() {
        assertThat(FixStatusRule.appliedText(reply("It is applied for every cgroup in the hierarchy\n"))).isFalse();
        assertThat(FixStatusRule.appliedText(reply("I applied the suggested changes but left the local variable.\n"))).isFalse();
    }
}
