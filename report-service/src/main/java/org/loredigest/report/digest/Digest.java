package org.loredigest.report.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A digest of one period, section by section as the reference weekly issue has them — overview, distributions,
 * per-list topic entries, the top topics in depth, the most important fixes, per-subsystem statistics — plus a trend
 * analysis against the previous period of the same length.
 */
public record Digest(
        List<String> lists,
        LocalDate from,
        LocalDate to,
        Instant generatedAt,
        Overview overview,
        List<Count> byType,
        List<Count> bySeverity,
        List<Count> byList,
        List<ListSection> perList,
        List<DigestTopic> top,
        List<DigestTopic> fixes,
        List<SubsystemStat> subsystems,
        Trends trends) {

    /**
     * @param topics         topics active in the period (one per series, one per crash)
     * @param messages       their mails dated in the period
     * @param security       security-related topics
     * @param withFix        topics with a fix at least proposed
     * @param withFixPercent share of topics with a fix, 0..100, one decimal
     * @param applied        topics with evidence of being applied or merged
     * @param started        topics whose first mail is in the period
     * @param ongoing        topics begun earlier and active in the period
     * @param concluded      topics applied, merged or superseded in the period (by dated evidence)
     * @param botReports     bug reports by bots (syzbot, kernel test robot)
     * @param participants   persons who wrote in the period
     */
    public record Overview(int topics, long messages, int security, int withFix, double withFixPercent, int applied,
                           int started, int ongoing, int concluded, int botReports, int participants) {
    }

    /** A label value and how many topics carry it. */
    public record Count(String key, int count, double percent) {
    }

    /**
     * One list's topics, most important first: the first ones in full, the rest as one line each.
     *
     * @param count  topics of the list
     * @param topics the most important ones, with every field
     * @param brief  the others, one line each
     */
    public record ListSection(String list, int count, List<DigestTopic> topics, List<Brief> brief) {
    }

    /** A topic on one line: what it is, what happened in the period, where to read it. */
    public record Brief(String id, String title, String type, String severity, boolean security, String status,
                        String fixStatus, int messages, int participants, int score, String loreUrl, List<String> threads) {
        /** The label key of {@link #status}, for the renderings. */
        public String statusKey() {
            return "status_" + status;
        }

        static Brief of(DigestTopic t) {
            return new Brief(t.id(), t.title(), t.type(), t.severity(), t.security(), t.activity().status(), t.fixStatus(),
                    t.activity().messages(), t.activity().participants(), t.score(), t.loreUrl(), t.activity().threads());
        }
    }

    /**
     * @param name     MAINTAINERS section
     * @param topics   topics touching it
     * @param bugs     of which bug reports
     * @param security of which security-related
     * @param entries  its topics, most important first (a few shown, the rest counted)
     */
    public record SubsystemStat(String name, int topics, int bugs, int security, List<DigestTopic> entries) {
        /** Topics counted but not listed. */
        public int hidden() {
            return topics - entries.size();
        }
    }

    /** One label's count now and in the previous period. */
    public record Change(String key, int current, int previous) {
        public int delta() {
            return current - previous;
        }

        public String signedDelta() {
            return delta() > 0 ? "+" + delta() : String.valueOf(delta());
        }
    }

    /**
     * @param previousFrom     first day of the period compared with
     * @param previousTo       its last day
     * @param previousTopics   topics then
     * @param byType           change per type
     * @param bySeverity       change per severity
     * @param bySubsystem      change per subsystem (largest movements first)
     * @param activity         topics, mails, new, concluded topics and bot reports, now and then
     * @param busiestSeries    series with the most mails in the period
     * @param newContributors  persons who wrote in this period and not in the previous one
     */
    public record Trends(LocalDate previousFrom, LocalDate previousTo, int previousTopics, List<Change> byType,
                         List<Change> bySeverity, List<Change> bySubsystem, List<Change> activity,
                         List<DigestTopic> busiestSeries, List<String> newContributors) {
    }
}
