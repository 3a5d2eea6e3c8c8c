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
     * @param topics         topics in the period (one per series)
     * @param messages       messages in those topics
     * @param security       security-related topics
     * @param withFix        topics with a fix at least proposed
     * @param withFixPercent share of topics with a fix, 0..100, one decimal
     * @param applied        topics with evidence of being applied or merged
     */
    public record Overview(int topics, long messages, int security, int withFix, double withFixPercent, int applied) {
    }

    /** A label value and how many topics carry it. */
    public record Count(String key, int count, double percent) {
    }

    public record ListSection(String list, List<DigestTopic> topics) {
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
     * @param busiestSeries    series with the most messages in the period
     * @param newContributors  authors of this period who wrote nothing in the previous one
     */
    public record Trends(LocalDate previousFrom, LocalDate previousTo, int previousTopics, List<Change> byType,
                         List<Change> bySeverity, List<Change> bySubsystem, List<DigestTopic> busiestSeries,
                         List<String> newContributors) {
    }
}
