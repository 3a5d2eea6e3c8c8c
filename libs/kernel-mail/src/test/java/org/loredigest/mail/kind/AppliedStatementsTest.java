package org.loredigest.mail.kind;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.loredigest.mail.MailParser;
import org.loredigest.mail.ParsedMail;

/** "Applied" counts as a statement only when it opens a line of the sender's own text (or says it is being done). */
class AppliedStatementsTest {

    @Test
    void statementsOnALineOfTheirOwnCount() {
        assertThat(AppliedStatements.in("Applied, thanks.\n")).isTrue();
        assertThat(AppliedStatements.in("Hi,\n\nApplied to for-6.9.\n\nThanks.\n")).isTrue();
        assertThat(AppliedStatements.in("Queued for 6.10, thanks\n")).isTrue();
        assertThat(AppliedStatements.in("Thanks, applied\n")).isTrue();
        assertThat(AppliedStatements.in("Thanks Jane, applied to cgroup/for-6.9-fixes.\n")).isTrue();
        assertThat(AppliedStatements.in("Now queued up, thanks!\n\ngreg k-h\n")).isTrue();
        assertThat(AppliedStatements.in("Hello Tejun\nApplied to for-6.9.\n")).as("after a greeting").isTrue();
    }

    @Test
    void aWordEndingAWrappedSentenceDoesNot() {
        assertThat(AppliedStatements.in("This fixes the leak, but there is a dependency that would need to be\n"
                + "applied to the stable tree first.\n")).isFalse();
        assertThat(AppliedStatements.in("Because we have filters for cgroups, this can be\n"
                + "applied to not only cgroups, but for any filter type.\n")).isFalse();
        assertThat(AppliedStatements.in("The series I\nqueued yesterday has a problem.\n")).isFalse();
    }

    @Test
    void quotedTestersAndQuestionsDoNot() {
        assertThat(AppliedStatements.in("> Applied, thanks.\n\nWhere?\n")).as("quoted").isFalse();
        assertThat(AppliedStatements.in("I applied your patch and the warning is gone.\n")).isFalse();
        assertThat(AppliedStatements.in("I just applied your patch upon a94032b35e5f9, so:\n")).isFalse();
        assertThat(AppliedStatements.in("Applied on top of next-20240301, it boots.\n")).isFalse();
        assertThat(AppliedStatements.in("Applied the patches but did not enable anything.\n")).isFalse();
        assertThat(AppliedStatements.in("Applied to which tree?\n")).isFalse();
        assertThat(AppliedStatements.in("Will apply after the merge window.\n")).isFalse();
        assertThat(AppliedStatements.in("Looks fine.\n\n-- \nApplied Kernel Ltd.\n")).as("signature").isFalse();
    }

    @Test
    void whatWasDoneAndWhatIsBeingDoneCountToo() {
        assertThat(AppliedStatements.find("Thanks, patch are applied to\nhttps://git.kernel.org/x.git\n"))
                .isEqualTo("Thanks, patch are applied to");
        assertThat(AppliedStatements.in("It is applied to my master branch now:\nhttps://git.kernel.org/x.git\n")).isTrue();
        assertThat(AppliedStatements.in("this was pulled into my tree, sorry for missing the reply earlier\n")).isTrue();
        assertThat(AppliedStatements.in("I've just merged IPE into the lsm/dev branch, it should go up to Linus\n")).isTrue();
        assertThat(AppliedStatements.in("I have pulled this into my tree\n")).isTrue();
        assertThat(AppliedStatements.in("Added to mm-unstable, thanks.\n")).isTrue();
        assertThat(AppliedStatements.find("Thanks Casey.  As this is a pretty minor fix, I'm going to go ahead\n"
                + "and merge it into lsm/dev so it will go up to Linus during the next\nmerge window.\n"))
                .startsWith("Thanks Casey.").endsWith("during the next");
        assertThat(AppliedStatements.find("Nobody objected, so I'll go\nahead and queue it to mm-hotfixes for the next rc.\n"))
                .isEqualTo("Nobody objected, so I'll go ahead and queue it to mm-hotfixes for the next rc.");
    }

    @Test
    void passiveWordsInsideASentenceAndRequestsDoNot() {
        assertThat(AppliedStatements.in("It is applied for every cgroup in the hierarchy\n")).isFalse();
        assertThat(AppliedStatements.in("I applied the suggested changes but left the local variable.\n")).isFalse();
        assertThat(AppliedStatements.in("I merged your branch into my testing branch and pushed it into my testbed.\n")).isFalse();
        assertThat(AppliedStatements.in("I've pushed it here: https://github.com/someone/linux/tree/topic\n")).isFalse();
        assertThat(AppliedStatements.in("Please go ahead and take it via your tree.\n")).isFalse();
        assertThat(AppliedStatements.in("Added a comment to explain the barrier.\n")).isFalse();
    }

    @Test
    void aQuoteBlockSeparatesTheStatementFromTheLineAboveIt() {
        assertThat(AppliedStatements.in("On Mon, Jane wrote:\n> [PATCH] foo\n> bar is the reason\nApplied to for-next.\n")).isTrue();
        assertThat(AppliedStatements.in("Some words without a stop\n> quoted\nApplied, thanks.\n")).isTrue();
    }

    @Test
    void theKindFollows() {
        String wrapped = """
                From: Rev Iewer <r@example.org>
                Message-ID: <r2@example.org>
                In-Reply-To: <p1@example.org>
                Date: Mon, 2 Dec 2024 10:00:00 +0000
                Subject: Re: [PATCH] mm: something

                On Mon, Dec 2, 2024 Jane wrote:
                > Fix the leak.

                This looks right, but it depends on a change that would need to be
                applied to the stable tree first.
                """;
        assertThat(kind(wrapped)).isEqualTo(MailKind.REPLY);
        assertThat(kind(wrapped.replace("This looks right", "Applied, thanks.\n\nThis looks right"))).isEqualTo(MailKind.APPLIED_NOTICE);
        assertThat(parse(wrapped.replace("This looks right", "Applied, thanks.\n\nThis looks right")).appliedStatement())
                .isEqualTo("Applied, thanks.");
        assertThat(parse(wrapped).appliedStatement()).isNull();
    }

    private static MailKind kind(String raw) {
        return parse(raw).kind();
    }

    private static ParsedMail parse(String raw) {
        return new MailParser().parse(raw.getBytes(StandardCharsets.UTF_8), Instant.parse("2024-12-03T00:00:00Z"));
    }
}
