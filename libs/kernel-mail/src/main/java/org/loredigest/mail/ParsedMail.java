package org.loredigest.mail;

import java.time.Instant;
import java.util.List;
import org.loredigest.mail.body.Attachment;
import org.loredigest.mail.header.MailAddress;
import org.loredigest.mail.kind.BotMail;
import org.loredigest.mail.kind.MailKind;
import org.loredigest.mail.kind.MmCommitsNotice;
import org.loredigest.mail.kind.StableNotice;
import org.loredigest.mail.patch.PatchInfo;
import org.loredigest.mail.patch.PullRequest;
import org.loredigest.mail.subject.ParsedSubject;
import org.loredigest.mail.trailer.Trailer;

/**
 * Everything the pipeline needs to know about one message. Plain data: serialises with Jackson as is.
 *
 * @param messageId         normalised Message-ID (no angle brackets); a content-derived id when missing
 * @param messageIdFallback whether {@code messageId} was made up (see {@link MessageIds#fallbackId(byte[])})
 * @param inReplyTo         normalised In-Reply-To, or {@code null}
 * @param references        normalised References in order (oldest ancestor first)
 * @param subject           decoded subject, whitespace collapsed
 * @param fromName          author's name (via-list rewriting undone)
 * @param fromEmail         author's address, lower case (via-list rewriting undone)
 * @param fromViaList       the From header was rewritten by a list ("X via list") and has been undone
 * @param to                To addresses
 * @param cc                Cc addresses
 * @param date              when the message was written: the Date header, or {@code receivedAt} (see {@code dateSource})
 * @param dateSource        where {@code date} came from
 * @param dateNote          why the Date header was not used or is doubtful; {@code null} when clean
 * @param dateUtcOffsetMinutes the sender's zone from the Date header in minutes east of UTC, {@code null} when
 *                          {@code date} is not from the header or the header had no readable, plausible zone
 * @param receivedAt        when the pipeline received the message
 * @param listIds           lists the message came through (List-Id, X-Mailing-List), dotted form
 * @param parsedSubject     prefixes, version, part n/m, flags, normalised title
 * @param kind              what the message is
 * @param bot               bot details for bot mail and {@code #syz} commands, else {@code null}
 * @param mmCommits         mm-commits notice details, else {@code null}
 * @param stable            stable-tree details, else {@code null}
 * @param bodyText          the readable text (decoded, HTML converted), LF line ends
 * @param newText           what the sender wrote: no quotes, no signature
 * @param quotedText        quoted lines with their attribution lines
 * @param signature         text below the {@code "-- "} line
 * @param patch             the diff carried by the message ({@link PatchInfo#NONE} when none)
 * @param pullRequest       the git pull request, or {@code null}
 * @param trailers          trailers: the author's own for new postings, follow-up trailers for replies
 * @param attachments       MIME parts other than the main text
 * @param pgpSigned         multipart/signed or inline PGP
 * @param htmlOnly          the text had to be taken from HTML
 * @param sizeBytes         size of the raw message
 * @param problems          what was odd and how it was worked around
 */
public record ParsedMail(
        String messageId,
        boolean messageIdFallback,
        String inReplyTo,
        List<String> references,
        String subject,
        String fromName,
        String fromEmail,
        boolean fromViaList,
        List<MailAddress> to,
        List<MailAddress> cc,
        Instant date,
        DateSource dateSource,
        String dateNote,
        Integer dateUtcOffsetMinutes,
        Instant receivedAt,
        List<String> listIds,
        ParsedSubject parsedSubject,
        MailKind kind,
        BotMail bot,
        MmCommitsNotice mmCommits,
        StableNotice stable,
        String bodyText,
        String newText,
        String quotedText,
        String signature,
        PatchInfo patch,
        PullRequest pullRequest,
        List<Trailer> trailers,
        List<Attachment> attachments,
        boolean pgpSigned,
        boolean htmlOnly,
        int sizeBytes,
        List<MailProblem> problems) {

    /**
     * Ancestors as public-inbox threads them: References, then In-Reply-To when References does not already
     * end with it (mailers that drop References still set In-Reply-To).
     */
    public List<String> threadReferences() {
        if (inReplyTo == null || references.contains(inReplyTo)) {
            return references;
        }
        List<String> all = new java.util.ArrayList<>(references.size() + 1);
        all.addAll(references);
        all.add(inReplyTo);
        return all;
    }

    /** The direct parent by the headers, or {@code null} for a thread starter. */
    public String parentId() {
        List<String> refs = threadReferences();
        return refs.isEmpty() ? null : refs.get(refs.size() - 1);
    }

    /**
     * Sent by a bot (syzbot, the kernel test robot, the pr-tracker and patchwork bots); a person's mail carrying
     * {@code #syz} commands is not.
     */
    public boolean sentByBot() {
        return bot != null && kind != MailKind.BOT_COMMAND;
    }

    /**
     * The commit message of a patch or other new message: the text above the {@code ---} line or the diff, or, in a
     * backport that opens with a note and its own {@code ---} line, the message below that note (see
     * {@link org.loredigest.mail.trailer.CommitMessages}). Meaningless for replies.
     */
    public String commitMessage() {
        return org.loredigest.mail.trailer.CommitMessages.of(newText);
    }

    /**
     * The line in which this reply states that the patch was applied, queued, pulled or merged (see
     * {@link org.loredigest.mail.kind.AppliedStatements}), or {@code null}. Read for any mail, whatever its kind: who
     * may say so is for the reader to judge.
     */
    public String appliedStatement() {
        return org.loredigest.mail.kind.AppliedStatements.find(bodyText);
    }

    /** Patch or cover letter: a message that opens or belongs to a patch series. */
    public boolean seriesMember() {
        return kind == MailKind.PATCH || kind == MailKind.COVER_LETTER;
    }
}
