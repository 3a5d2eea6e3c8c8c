package org.loredigest.mail.kind;

/**
 * The kind of a message with the details that go with some kinds ({@code null} where they do not apply).
 */
public record Classification(MailKind kind, BotMail bot, MmCommitsNotice mmCommits, StableNotice stable) {

    static Classification of(MailKind kind) {
        return new Classification(kind, null, null, null);
    }
}
