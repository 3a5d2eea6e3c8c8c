package org.loredigest.events;

import java.time.Instant;
import java.util.List;

/**
 * The classified state of one topic (a thread, or one revision of a patch series). Value of
 * {@link Topics#THREAD_CLASSIFIED}, keyed by {@link #threadId()}; re-published on every change of the thread, so a
 * consumer upserts by key and keeps the record with the highest {@link #version()}. A {@code null} value (tombstone)
 * means the thread id no longer names a topic: its messages were re-homed into another thread.
 *
 * @param threadId        record key of the thread root (its normalised Message-ID, unless another mail held that id
 *                        first), or of the revision's cover letter / first patch when a new revision was posted as a
 *                        reply to an older one; the Message-ID of a root that was referenced but never seen
 * @param version         grows by one on every publication of this thread id
 * @param updatedAt       receipt time of the newest message that changed the topic
 * @param lists           short lore list names the messages were received on, e.g. {@code linux-mm}
 * @param listIds         List-Id values seen in the thread, dotted form
 * @param title           subject of the root without reply markers and bracketed prefixes
 * @param subject         full subject of the root (or of the earliest message when the root was never seen)
 * @param rootMessageId   the root's Message-ID (what lore links use); may name a ghost (referenced but never seen)
 * @param rootMissing     the root message was never seen
 * @param rootKind        what the root is (kernel-mail {@code MailKind}: PATCH, COVER_LETTER, BUG_REPORT, ...)
 * @param link            where to read it on lore
 * @param author          who started it
 * @param participants    everyone who wrote in the thread, author first, with bot flags and message counts
 * @param messageCount    messages in the thread
 * @param botMessageCount messages sent by bots
 * @param firstActivity   date of the earliest message
 * @param lastActivity    date of the newest message
 * @param series          patch series facts, or {@code null} when the topic is not a patch posting
 * @param type            bug, feature, patch, discussion or question
 * @param severity        critical, high, medium or low
 * @param security        yes or no
 * @param fixStatus       none, proposed, reviewed, applied, merged or superseded, with the evidence messages
 * @param subsystems      MAINTAINERS sections, most specific first
 * @param summary         the digest fields, each with the message it was taken from
 * @param changes         files and functions touched, diffstat
 * @param trailers        review, report and fix trailers with the message that carried them
 * @param reviewers       addresses that reviewed (trailer or inline review), author excluded
 * @param related         other threads that enrich this one (stable backports, bot reports, mm-commits notices)
 * @param botActivity     what bots said in or about the thread
 * @param activity        every message of the thread in date order, as a digest of any period needs it (who, when,
 *                        what kind of mail, the tone and a short quote of a reply that argues), so a period's digest
 *                        can tell what happened in the period without reading the mails again
 */
public record ThreadClassified(
        String threadId,
        long version,
        Instant updatedAt,
        List<String> lists,
        List<String> listIds,
        String title,
        String subject,
        String rootMessageId,
        boolean rootMissing,
        String rootKind,
        LoreLink link,
        Participant author,
        List<Participant> participants,
        int messageCount,
        int botMessageCount,
        Instant firstActivity,
        Instant lastActivity,
        SeriesInfo series,
        Label type,
        Label severity,
        Label security,
        Label fixStatus,
        SubsystemLabel subsystems,
        Summary summary,
        Changes changes,
        List<TrailerRef> trailers,
        List<String> reviewers,
        List<RelatedThread> related,
        List<BotNote> botActivity,
        List<MessageActivity> activity) {

    public ThreadClassified {
        activity = copy(activity);
        lists = copy(lists);
        listIds = copy(listIds);
        participants = copy(participants);
        trailers = copy(trailers);
        reviewers = copy(reviewers);
        related = copy(related);
        botActivity = copy(botActivity);
    }

    /**
     * A label with the reasons for it.
     *
     * @param value              the label
     * @param signals            the rules that decided it, readable ("Fixes: trailer in the patch", "KASAN report")
     * @param evidenceMessageIds the messages those signals were found in
     */
    public record Label(String value, List<String> signals, List<String> evidenceMessageIds) {
        public Label {
            signals = copy(signals);
            evidenceMessageIds = copy(evidenceMessageIds);
        }
    }

    /**
     * @param values             MAINTAINERS section titles, most specific first
     * @param signals            how they were found (touched files, list, keywords)
     * @param evidenceMessageIds the diff-carrying messages the files came from
     */
    public record SubsystemLabel(List<String> values, List<String> signals, List<String> evidenceMessageIds) {
        public SubsystemLabel {
            values = copy(values);
            signals = copy(signals);
            evidenceMessageIds = copy(evidenceMessageIds);
        }
    }

    /**
     * @param baseUrl   {@code https://lore.kernel.org}
     * @param list      the lore list name used in the links
     * @param messageId the root message (URL-encoded in the links)
     * @param messageUrl the root message on lore
     * @param threadUrl  the whole thread on lore ({@code /T/})
     */
    public record LoreLink(String baseUrl, String list, String messageId, String messageUrl, String threadUrl) {
    }

    /**
     * @param name     display name, may be empty
     * @param email    address, lower case
     * @param bot      a bot (syzbot, kernel test robot, patchwork, pr-tracker)
     * @param messages messages this participant wrote in the thread
     */
    public record Participant(String name, String email, boolean bot, int messages) {
    }

    /**
     * @param seriesKey         what links revisions: {@code author email + normalised title}
     * @param version           revision number (1 when unversioned)
     * @param rfc               posted as RFC
     * @param resend            posted as RESEND
     * @param coverMessageId    the cover letter, or {@code null}
     * @param expectedPatches   the {@code m} of {@code n/m}
     * @param patchCount        patches of this revision found in the thread
     * @param missingParts      parts 1..m not seen
     * @param changeId          b4 change-id, or empty
     * @param baseCommit        base-commit, or empty
     * @param predecessors      older revisions of the same series, oldest first
     * @param successors        newer revisions, oldest first
     */
    public record SeriesInfo(String seriesKey, int version, boolean rfc, boolean resend, String coverMessageId,
                             int expectedPatches, int patchCount, List<Integer> missingParts, String changeId,
                             String baseCommit, List<RevisionLink> predecessors, List<RevisionLink> successors) {
        public SeriesInfo {
            missingParts = copy(missingParts);
            predecessors = copy(predecessors);
            successors = copy(successors);
        }
    }

    /** Another revision of the same series: its thread id, version and posting date. */
    public record RevisionLink(String threadId, int version, boolean rfc, Instant postedAt) {
    }

    /**
     * One digest field. Extractive text from the mail, or a summariser's prose grounded in named messages; never
     * invented: when nothing in the thread supports the field it is {@code empty} with {@code text} and
     * {@code sourceMessageId} null.
     *
     * @param text            the field in English (extracted text, or the summariser's sentence)
     * @param sourceMessageId the message it was taken from (the first of {@code messageIds})
     * @param source          which part of that message (commit message, cover letter, call trace, Fixes:, ...), or
     *                        {@code llm} for a language model's prose
     * @param empty           no evidence for this field
     * @param textZh          the field in Chinese, or null when only English exists (extracted mail text)
     * @param messageIds      every message the field rests on, {@code sourceMessageId} first
     */
    public record SummaryField(String text, String sourceMessageId, String source, boolean empty, String textZh,
                               List<String> messageIds) {

        public SummaryField {
            messageIds = messageIds == null || messageIds.isEmpty()
                    ? sourceMessageId == null ? List.of() : List.of(sourceMessageId) : List.copyOf(messageIds);
        }

        public SummaryField(String text, String sourceMessageId, String source, boolean empty) {
            this(text, sourceMessageId, source, empty, null, null);
        }

        public static SummaryField none() {
            return new SummaryField(null, null, null, true);
        }

        public static SummaryField of(String text, String sourceMessageId, String source) {
            return new SummaryField(text, sourceMessageId, source, false);
        }

        /** Prose in both languages resting on the given messages (at least one). */
        public static SummaryField grounded(String en, String zh, List<String> messageIds, String source) {
            return new SummaryField(en, messageIds.get(0), source, false, zh, messageIds);
        }
    }

    /**
     * The per-topic fields of the weekly digest.
     *
     * @param summariser            which summariser produced the fields (e.g. {@code extractive-v2}, {@code llm:deepseek-chat})
     * @param headline              one sentence: what the topic is about
     * @param problem               problem / root cause
     * @param background            technical background
     * @param trigger               trigger condition (reproducer, call trace, workload)
     * @param solution              what the change does
     * @param implementation        how: files and functions touched, diffstat
     * @param caveats               review objections, open questions, known limitations
     * @param impactComponents      affected components
     * @param impactPerformance     measured or claimed performance effect
     * @param impactCompatibility   user-visible interface or behaviour changes
     * @param impactUrgency         how soon it matters (stable Cc, Fixes:, crash)
     * @param keyPoints             key technical points (changelog, test results)
     * @param contentHash           SHA-256 of the thread's essential text the fields were made from, or null; a
     *                              summary written later for the same hash may replace these fields
     */
    public record Summary(String summariser, SummaryField headline, SummaryField problem, SummaryField background,
                          SummaryField trigger, SummaryField solution, SummaryField implementation, SummaryField caveats,
                          SummaryField impactComponents, SummaryField impactPerformance,
                          SummaryField impactCompatibility, SummaryField impactUrgency, SummaryField keyPoints,
                          String contentHash) {

        public Summary(String summariser, SummaryField headline, SummaryField problem, SummaryField background,
                       SummaryField trigger, SummaryField solution, SummaryField implementation, SummaryField caveats,
                       SummaryField impactComponents, SummaryField impactPerformance,
                       SummaryField impactCompatibility, SummaryField impactUrgency, SummaryField keyPoints) {
            this(summariser, headline, problem, background, trigger, solution, implementation, caveats, impactComponents,
                    impactPerformance, impactCompatibility, impactUrgency, keyPoints, null);
        }

        /** The same fields, marked as made from the thread content with this hash (see {@code ThreadSummarised}). */
        public Summary withContentHash(String hash) {
            return new Summary(summariser, headline, problem, background, trigger, solution, implementation, caveats,
                    impactComponents, impactPerformance, impactCompatibility, impactUrgency, keyPoints, hash);
        }
    }

    /**
     * @param files      touched files with their line counts (newest revision in the thread)
     * @param functions  functions named in hunk headers
     * @param insertions added lines
     * @param deletions  removed lines
     */
    public record Changes(List<FileChange> files, List<String> functions, int insertions, int deletions) {
        public Changes {
            files = copy(files);
            functions = copy(functions);
        }
    }

    /** A touched file: path, added and removed lines, and the patch mail it came from. */
    public record FileChange(String path, int insertions, int deletions, String messageId) {
    }

    /**
     * A trailer that matters for a digest (Reviewed-by, Acked-by, Tested-by, Reported-by, Nacked-by, Fixes, Cc
     * stable, Closes/Link).
     *
     * @param type      canonical trailer name
     * @param value     the value as written
     * @param email     for person trailers, the address
     * @param messageId the message carrying it
     * @param followUp  given in a reply rather than in the patch
     */
    public record TrailerRef(String type, String value, String email, String messageId, boolean followUp) {
    }

    /**
     * @param threadId  the other thread
     * @param relation  {@code stable-backport}, {@code mm-commits}, {@code bot-report}, {@code same-title}
     * @param messageId the message that shows the relation
     * @param note      what it says, e.g. {@code added to mm-unstable} or {@code 6.6 stable review}
     */
    public record RelatedThread(String threadId, String relation, String messageId, String note) {
    }

    /** A bot message in or about the thread: which bot, what kind of mail, a one-line note. */
    public record BotNote(String bot, String type, String messageId, String note) {
    }

    /**
     * One message of the topic as a period's digest needs it.
     *
     * @param messageId   the message
     * @param date        when it was written
     * @param authorEmail its author's address (names are in {@link #participants()})
     * @param bot         sent by a bot
     * @param maintainer  its author is listed as a maintainer (M:) of one of the topic's MAINTAINERS sections
     * @param role        {@value #POSTING} (a patch or cover letter of this topic), {@value #REPORT} (a bug report),
     *                    {@value #REPLY}, {@value #REVIEW} (a reply that quotes the diff) or {@value #NOTICE}
     *                    (bot mail, applied notes and other notices)
     * @param version     the series revision of a posting, else 0
     * @param tone        for a person's reply: {@value #NAK}, {@value #OBJECTION}, {@value #QUESTION}, {@value #APPLIED}
     *                    or {@value #ACK}; null when the reply does none of these
     * @param quote       the sentences that carry the tone, or a posting's per-revision changes; at most
     *                    {@value #QUOTE_LIMIT} characters; null when there is none
     * @param parentId    the mail it answers by its headers (last reference), whether or not that mail is in this
     *                    topic; null for a mail that answers none
     * @param key         the mail's record key, its identity (its document id in {@code lore-mails}): the Message-ID,
     *                    unless another mail held that id first; then its content digest, and two entries share
     *                    {@code messageId}. Records written before the field existed read as {@code messageId}.
     */
    public record MessageActivity(String messageId, Instant date, String authorEmail, boolean bot, boolean maintainer,
                                  String role, int version, String tone, String quote, String parentId, String key) {

        public MessageActivity {
            key = key == null ? messageId : key;
        }

        /** A mail whose key is its Message-ID. */
        public MessageActivity(String messageId, Instant date, String authorEmail, boolean bot, boolean maintainer,
                               String role, int version, String tone, String quote, String parentId) {
            this(messageId, date, authorEmail, bot, maintainer, role, version, tone, quote, parentId, messageId);
        }

        public static final String POSTING = "posting";
        public static final String REPORT = "report";
        public static final String REPLY = "reply";
        public static final String REVIEW = "review";
        public static final String NOTICE = "notice";
        public static final String NAK = "nak";
        public static final String OBJECTION = "objection";
        public static final String QUESTION = "question";
        public static final String APPLIED = "applied";
        public static final String ACK = "ack";
        public static final int QUOTE_LIMIT = 400;
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
