package org.loredigest.classify.domain.mail;

import java.time.Instant;
import java.util.List;
import org.loredigest.mail.kind.AppliedStatements;
import org.loredigest.mail.trailer.Trailer;

/**
 * What thread state keeps of one message: enough to thread, classify and summarise it, small enough that a thread of
 * a hundred messages fits one state-store record. Bodies are cut to the parts a digest reads (see {@link MailMapping}).
 *
 * @param key              the record key the message arrived with: its identity in thread state and topics (a
 *                         re-delivery has the same key; a different mail reusing a Message-ID has its own)
 * @param messageId        normalised Message-ID, what References name and lore links use (the key when the mail
 *                         had none)
 * @param references       threading ancestors, oldest first (References, then In-Reply-To)
 * @param list             short lore list name it was received on
 * @param listIds          List-Id values, dotted form
 * @param subject          full decoded subject
 * @param title            subject without reply markers and prefixes
 * @param normalizedTitle  lower-case words of the title
 * @param reply            the subject is a reply ({@code Re:}) or forward
 * @param patchPosting     PATCH/RFC posting, not a reply
 * @param rfc              RFC flag
 * @param resend           RESEND flag
 * @param version          revision number (1 when none)
 * @param versionExplicit  a {@code vN} was given
 * @param part             n of n/m
 * @param total            m of n/m
 * @param tags             other subject prefixes (trees, topics)
 * @param fromName         author's name
 * @param fromEmail        author's address
 * @param date             when it was written
 * @param receivedAt       when the pipeline received it
 * @param kind             kernel-mail MailKind name
 * @param bot              bot name (kernel-mail Bot) for bot mail, else null
 * @param botType          kernel-mail BotMailType name, else null
 * @param notice           mm-commits or stable notice in words ({@code added to mm-unstable}), else null
 * @param text             what the sender wrote: the commit message or reply text, cut (see {@link MailMapping})
 * @param quotedPatch      the reply quotes diff lines (an inline review)
 * @param changelog        the text between {@code ---} and the diff (per-version changes), cut
 * @param callTrace        the first call trace / splat in the message, cut, or empty
 * @param files            touched files
 * @param functions        functions named in hunk headers
 * @param interfaces       user-visible interfaces the diff adds (cgroup files, proc/sysfs/debugfs files, kfuncs, flags)
 * @param insertions       added lines
 * @param deletions        removed lines
 * @param trailers         trailers (own for postings, follow-up for replies)
 * @param pullRequest      carries a git pull request
 * @param aboutTitleKey    for notices about another patch (mm-commits, stable review, failed backport): that patch's
 *                         normalised title, else null
 * @param pullTitles       for a git pull request: the normalised titles of the commits in its shortlog, else empty
 * @param appliedStatement the line stating that the patch was applied (kernel-mail's {@link AppliedStatements}),
 *                         empty when there is none; null in messages kept in state before it was recorded
 */
public record ThreadMessage(
        String key,
        String messageId,
        List<String> references,
        String list,
        List<String> listIds,
        String subject,
        String title,
        String normalizedTitle,
        boolean reply,
        boolean patchPosting,
        boolean rfc,
        boolean resend,
        int version,
        boolean versionExplicit,
        int part,
        int total,
        List<String> tags,
        String fromName,
        String fromEmail,
        Instant date,
        Instant receivedAt,
        String kind,
        String bot,
        String botType,
        String notice,
        String text,
        boolean quotedPatch,
        String changelog,
        String callTrace,
        List<FileStat> files,
        List<String> functions,
        List<String> interfaces,
        int insertions,
        int deletions,
        List<Trailer> trailers,
        boolean pullRequest,
        String aboutTitleKey,
        List<String> pullTitles,
        String appliedStatement) {

    public ThreadMessage {
        references = references == null ? List.of() : List.copyOf(references);
        listIds = listIds == null ? List.of() : List.copyOf(listIds);
        tags = tags == null ? List.of() : List.copyOf(tags);
        files = files == null ? List.of() : List.copyOf(files);
        functions = functions == null ? List.of() : List.copyOf(functions);
        interfaces = interfaces == null ? List.of() : List.copyOf(interfaces);
        trailers = trailers == null ? List.of() : List.copyOf(trailers);
        pullTitles = pullTitles == null ? List.of() : List.copyOf(pullTitles);
        text = text == null ? "" : text;
        changelog = changelog == null ? "" : changelog;
        callTrace = callTrace == null ? "" : callTrace;
    }

    /** A touched file with its line counts. */
    public record FileStat(String path, int insertions, int deletions) {
    }

    /**
     * Whether this mail is the one its Message-ID names: false for a different mail that reused the id of a mail
     * published before it (ingest keyed it by its content digest).
     */
    public boolean holdsMessageId() {
        return key.equals(messageId);
    }

    /** The direct parent by the headers, or {@code null} for a thread starter. */
    public String parentId() {
        return references.isEmpty() ? null : references.get(references.size() - 1);
    }

    /**
     * Whether the sender states that the patch was applied, queued, pulled or merged. Messages kept in state before the
     * statement was recorded are read from their text: the same rule, without the quotes that separate lines.
     */
    public boolean statesApplied() {
        return appliedStatement != null ? !appliedStatement.isEmpty() : AppliedStatements.in(text);
    }

    public boolean hasDiff() {
        return !files.isEmpty();
    }

    public boolean fromBot() {
        return bot != null && !"BOT_COMMAND".equals(kind);
    }

    public boolean coverLetter() {
        return "COVER_LETTER".equals(kind);
    }

    /** A patch or cover letter of a series posting. */
    public boolean seriesMember() {
        return "PATCH".equals(kind) || "COVER_LETTER".equals(kind);
    }
}
