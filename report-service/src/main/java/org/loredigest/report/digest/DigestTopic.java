package org.loredigest.report.digest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * One topic as a digest shows it: a thread (one series revision, or a bug report, or a discussion) with its labels,
 * the evidence behind them and its summary fields. Built from the classified-thread read model.
 *
 * @param id            thread id (normalised Message-ID of the thread root)
 * @param list          lore list name the topic is shown under
 * @param title         normalised subject
 * @param type          bug | feature | patch | discussion | question
 * @param severity      critical | high | medium | low
 * @param security      security-related
 * @param fixStatus     none | proposed | reviewed | applied | merged | superseded
 * @param fixEvidence   Message-ID proving the fix status (null for none/proposed-by-itself)
 * @param subsystems    MAINTAINERS sections, most specific first
 * @param author        who started the thread ("Name <email>")
 * @param authorEmail   address of the author, for contributor statistics
 * @param started       first message
 * @param lastActivity  last message
 * @param messages      messages in the thread
 * @param participants  distinct human authors
 * @param seriesId      id shared by all revisions of a series (null when not a series)
 * @param seriesVersion revision number (1 for an unversioned first posting)
 * @param revisions     thread ids of the other revisions, oldest first
 * @param summary       the digest's per-topic fields, each with its source
 * @param activity      what happened to it in the digest's period
 * @param importance    its score in the period, with the reasons (null until ranked)
 * @param regression    reported as, or fixing, a regression
 * @param stableCc      a patch of it carries {@code Cc: stable}
 * @param reviewers     distinct reviewers (Reviewed/Acked/Tested-by, inline review), author excluded
 * @param reportedBy    the bot that reported it (syzbot, kernel test robot), or null
 * @param fixedBy       patches that name it as what they fix (Closes:, Reported-by: syzbot+…)
 * @param occurrences   earlier reports of the same crash ("… (2)") shown under this one, oldest first
 * @param continues     the thread id of the topic this one continues (its first mail answers a mail there), or null
 * @param reasons       why each label is what it is: the rules that decided it and links to the mails they read
 */
public record DigestTopic(
        String id,
        String list,
        String title,
        String type,
        String severity,
        boolean security,
        String fixStatus,
        String fixEvidence,
        List<String> subsystems,
        String author,
        String authorEmail,
        Instant started,
        Instant lastActivity,
        int messages,
        int participants,
        String seriesId,
        int seriesVersion,
        List<String> revisions,
        Summary summary,
        PeriodActivity activity,
        Importance importance,
        boolean regression,
        boolean stableCc,
        int reviewers,
        String reportedBy,
        List<Link> fixedBy,
        List<Link> occurrences,
        String continues,
        List<LabelReason> reasons) {

    public DigestTopic {
        subsystems = subsystems == null ? List.of() : List.copyOf(subsystems);
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
        summary = summary == null ? Summary.EMPTY : summary;
        fixedBy = fixedBy == null ? List.of() : List.copyOf(fixedBy);
        occurrences = occurrences == null ? List.of() : List.copyOf(occurrences);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** A topic whose whole thread falls in the period (hand-made topics, records without a timeline). */
    public DigestTopic(String id, String list, String title, String type, String severity, boolean security, String fixStatus,
                       String fixEvidence, List<String> subsystems, String author, String authorEmail, Instant started,
                       Instant lastActivity, int messages, int participants, String seriesId, int seriesVersion,
                       List<String> revisions, Summary summary) {
        this(id, list, title, type, severity, security, fixStatus, fixEvidence, subsystems, author, authorEmail, started,
                lastActivity, messages, participants, seriesId, seriesVersion, revisions, summary,
                new PeriodActivity(PeriodActivity.NEW, messages, 0, author == null || author.isBlank() ? List.of() : List.of(author),
                        List.of(id), List.of(), List.of(), List.of(), null, false),
                null, false, false, 0, null, List.of(), List.of(), null, List.of());
    }

    /**
     * Why a label is what it is, for the digest's hover and expand.
     *
     * @param label        the label's key in the renderings: type, severity, securityRelated, fixStatus, subsystem
     * @param value        its value
     * @param signals      the rules that decided it, readable
     * @param evidenceUrls the mails those rules read, on lore (fix-status evidence first)
     */
    public record LabelReason(String label, String value, List<String> signals, List<String> evidenceUrls) {
        public LabelReason {
            signals = List.copyOf(signals);
            evidenceUrls = List.copyOf(evidenceUrls);
        }

        /** The signals on one line, for a tooltip. */
        public String because() {
            return String.join("; ", signals);
        }
    }

    /** Another thread shown with this topic: a fixing patch, or an earlier report of the same crash. */
    public record Link(String threadId, String title, String note, String url, Instant date) {
    }

    /** The same topic, shown with the topic it continues. */
    public DigestTopic continuing(String threadId) {
        return new DigestTopic(id, list, title, type, severity, security, fixStatus, fixEvidence, subsystems, author,
                authorEmail, started, lastActivity, messages, participants, seriesId, seriesVersion, revisions, summary,
                activity, importance, regression, stableCc, reviewers, reportedBy, fixedBy, occurrences, threadId,
                reasons);
    }

    public DigestTopic ranked() {
        return with(activity, Importance.of(this), occurrences);
    }

    /** The same topic with other period facts (a merged series or crash group). */
    public DigestTopic with(PeriodActivity activity, Importance importance, List<Link> occurrences) {
        return new DigestTopic(id, list, title, type, severity, security, fixStatus, fixEvidence, subsystems, author,
                authorEmail, started, lastActivity, messages, participants, seriesId, seriesVersion, revisions, summary,
                activity, importance, regression, stableCc, reviewers, reportedBy, fixedBy, occurrences, continues,
                reasons);
    }

    @JsonProperty("score")
    public int score() {
        return importance == null ? 0 : importance.score();
    }

    /** Link to the thread on lore (also a field of the JSON digest). */
    @JsonProperty("loreUrl")
    public String loreUrl() {
        return LoreLinks.message(list, id);
    }

    public String primarySubsystem() {
        return subsystems.isEmpty() ? "" : subsystems.get(0);
    }

    /** Link to the message that proves the fix status, when there is one (also a field of the JSON digest). */
    @JsonProperty("fixEvidenceUrl")
    public String fixEvidenceUrl() {
        return fixEvidence == null ? null : LoreLinks.message(list, fixEvidence);
    }

    public boolean hasFix() {
        return !"none".equals(fixStatus);
    }

    /**
     * A statement taken from the mail, or a summariser's sentence grounded in named messages, with the Message-ID it
     * rests on. An empty text means no evidence was found: the digest says so instead of inventing one.
     *
     * @param text            the statement (English, or as written in the mail)
     * @param sourceMessageId the message it rests on
     * @param sourceUrl       that message on lore
     * @param textZh          the statement in Chinese, when the summariser wrote one
     * @param moreSourceUrls  further messages it rests on, on lore
     */
    public record Evidence(String text, String sourceMessageId, String sourceUrl, String textZh, List<String> moreSourceUrls) {
        public static final Evidence NONE = new Evidence("", null, null);

        public Evidence {
            moreSourceUrls = moreSourceUrls == null ? List.of() : List.copyOf(moreSourceUrls);
        }

        public Evidence(String text, String sourceMessageId, String sourceUrl) {
            this(text, sourceMessageId, sourceUrl, null, List.of());
        }

        /** Evidence from a message of the given list, linked to it on lore. */
        public static Evidence of(String text, String list, String messageId) {
            return new Evidence(text, messageId, messageId == null ? null : LoreLinks.message(list, messageId));
        }

        public boolean present() {
            return text != null && !text.isBlank();
        }

        public boolean hasZh() {
            return textZh != null && !textZh.isBlank();
        }
    }

    /**
     * The fields of the reference digest's topic entry.
     *
     * @param summariser who wrote them: {@code extractive-…} (quoted from the mail) or {@code llm:<model>}
     */
    public record Summary(Evidence problem, Evidence background, Evidence trigger, Evidence solution,
                          Evidence implementation, Evidence caveats, Evidence impactComponents,
                          Evidence impactPerformance, Evidence impactCompatibility, Evidence urgency,
                          Evidence keyPoints, String summariser) {
        public static final Summary EMPTY = new Summary(Evidence.NONE, Evidence.NONE, Evidence.NONE, Evidence.NONE,
                Evidence.NONE, Evidence.NONE, Evidence.NONE, Evidence.NONE, Evidence.NONE, Evidence.NONE, Evidence.NONE);

        public Summary(Evidence problem, Evidence background, Evidence trigger, Evidence solution,
                       Evidence implementation, Evidence caveats, Evidence impactComponents,
                       Evidence impactPerformance, Evidence impactCompatibility, Evidence urgency, Evidence keyPoints) {
            this(problem, background, trigger, solution, implementation, caveats, impactComponents, impactPerformance,
                    impactCompatibility, urgency, keyPoints, null);
        }

        /** Written by a language model (each field still names its messages). */
        public boolean byModel() {
            return summariser != null && summariser.startsWith("llm:");
        }
    }
}
