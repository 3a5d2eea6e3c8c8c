package org.loredigest.mail.kind;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.loredigest.mail.MailParser;

/** "Applied" counts as a maintainer's statement only when it opens a line of the sender's own text. */
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
    }

    private static MailKind kind(String raw) {
        return new MailParser().parse(raw.getBytes(StandardCharsets.UTF_8), Instant.parse("2024-12-03T00:00:00Z")).kind();
    }
}
