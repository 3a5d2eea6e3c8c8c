package org.loredigest.report.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.loredigest.report.digest.Digest.Change;
import org.loredigest.report.digest.Digest.Count;
import org.loredigest.report.digest.Digest.ListSection;
import org.loredigest.report.digest.Digest.Overview;
import org.loredigest.report.digest.Digest.SubsystemStat;
import org.loredigest.report.digest.Digest.Trends;

/**
 * Builds a {@link Digest} from the topics of a period and of the period before it. Pure: same topics, same digest.
 * A series shows once (its newest revision in the period); rankings put severity, security and attention first.
 */
public final class DigestAssembler {

    public static final int TOP_TOPICS = 20;
    public static final int TOP_FIXES = 15;
    public static final int ENTRIES_PER_SUBSYSTEM = 5;
    public static final int BUSIEST_SERIES = 10;

    static final List<String> TYPES = List.of("bug", "feature", "patch", "discussion", "question");
    static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");
    private static final List<String> FIX_ORDER = List.of("merged", "applied", "reviewed", "proposed", "superseded", "none");

    public Digest assemble(List<String> lists, LocalDate from, LocalDate to, Collection<DigestTopic> current,
                           Collection<DigestTopic> previous, Instant generatedAt) {
        List<DigestTopic> topics = onePerSeries(current);
        List<DigestTopic> before = onePerSeries(previous);
        List<DigestTopic> ranked = topics.stream().sorted(BY_IMPORTANCE).toList();

        Overview overview = overview(topics);
        Map<String, List<DigestTopic>> byList = groupBy(ranked, DigestTopic::list);
        List<ListSection> perList = byList.entrySet().stream().map(e -> new ListSection(e.getKey(), e.getValue())).toList();
        List<DigestTopic> fixes = ranked.stream().filter(DigestTopic::hasFix).filter(t -> !"superseded".equals(t.fixStatus()))
                .sorted(BY_FIX_IMPORTANCE).limit(TOP_FIXES).toList();

        LocalDate previousFrom = from.minusDays(to.toEpochDay() - from.toEpochDay() + 1);
        Trends trends = new Trends(previousFrom, from.minusDays(1), before.size(),
                changes(TYPES, topics, before, t -> List.of(t.type())),
                changes(SEVERITIES, topics, before, t -> List.of(t.severity())),
                subsystemChanges(topics, before),
                topics.stream().filter(t -> t.seriesId() != null)
                        .sorted(Comparator.comparingInt(DigestTopic::messages).reversed().thenComparing(DigestTopic::id))
                        .limit(BUSIEST_SERIES).toList(),
                newContributors(topics, before));

        return new Digest(List.copyOf(lists), from, to, generatedAt, overview,
                counts(TYPES, topics, DigestTopic::type), counts(SEVERITIES, topics, DigestTopic::severity),
                counts(byList.entrySet().stream().sorted((a, b) -> b.getValue().size() - a.getValue().size())
                        .map(Map.Entry::getKey).toList(), topics, DigestTopic::list), perList,
                ranked.stream().limit(TOP_TOPICS).toList(), fixes, subsystemStats(ranked), trends);
    }

    /** Importance: severity, then security, then how much attention the thread drew. */
    static final Comparator<DigestTopic> BY_IMPORTANCE = Comparator
            .comparingInt((DigestTopic t) -> rank(SEVERITIES, t.severity()))
            .thenComparing(t -> !t.security())
            .thenComparing(Comparator.comparingInt(DigestTopic::participants).reversed())
            .thenComparing(Comparator.comparingInt(DigestTopic::messages).reversed())
            .thenComparing(DigestTopic::id);

    /** Fixes: severity first, then how far the fix got (merged before applied before reviewed...). */
    static final Comparator<DigestTopic> BY_FIX_IMPORTANCE = Comparator
            .comparingInt((DigestTopic t) -> rank(SEVERITIES, t.severity()))
            .thenComparingInt(t -> rank(FIX_ORDER, t.fixStatus()))
            .thenComparing(BY_IMPORTANCE);

    /** A series revised within the period appears once, as its newest revision. */
    static List<DigestTopic> onePerSeries(Collection<DigestTopic> topics) {
        Map<String, DigestTopic> newest = new LinkedHashMap<>();
        for (DigestTopic t : topics) {
            String key = t.seriesId() == null ? "thread:" + t.id() : "series:" + t.seriesId();
            newest.merge(key, t, (a, b) -> b.seriesVersion() > a.seriesVersion()
                    || (b.seriesVersion() == a.seriesVersion() && b.lastActivity().isAfter(a.lastActivity())) ? b : a);
        }
        return new ArrayList<>(newest.values());
    }

    private static Overview overview(List<DigestTopic> topics) {
        int withFix = (int) topics.stream().filter(DigestTopic::hasFix).count();
        int applied = (int) topics.stream().filter(t -> "applied".equals(t.fixStatus()) || "merged".equals(t.fixStatus())).count();
        return new Overview(topics.size(), topics.stream().mapToLong(DigestTopic::messages).sum(),
                (int) topics.stream().filter(DigestTopic::security).count(), withFix, percent(withFix, topics.size()), applied);
    }

    private static List<Count> counts(List<String> order, List<DigestTopic> topics, Function<DigestTopic, String> label) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        order.forEach(k -> counts.put(k, 0));
        topics.forEach(t -> counts.merge(label.apply(t), 1, Integer::sum));
        return counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> new Count(e.getKey(), e.getValue(), percent(e.getValue(), topics.size()))).toList();
    }

    private static List<Change> changes(List<String> keys, List<DigestTopic> now, List<DigestTopic> before,
                                        Function<DigestTopic, List<String>> labels) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        keys.forEach(k -> counts.put(k, new int[2]));
        now.forEach(t -> labels.apply(t).forEach(l -> counts.computeIfAbsent(l, k -> new int[2])[0]++));
        before.forEach(t -> labels.apply(t).forEach(l -> counts.computeIfAbsent(l, k -> new int[2])[1]++));
        return counts.entrySet().stream().map(e -> new Change(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    private static List<Change> subsystemChanges(List<DigestTopic> now, List<DigestTopic> before) {
        return changes(List.of(), now, before, DigestTopic::subsystems).stream()
                .sorted(Comparator.comparingInt((Change c) -> -Math.abs(c.delta())).thenComparing(c -> -c.current())
                        .thenComparing(Change::key))
                .limit(15).toList();
    }

    private static List<SubsystemStat> subsystemStats(List<DigestTopic> ranked) {
        Map<String, List<DigestTopic>> bySubsystem = new LinkedHashMap<>();
        for (DigestTopic t : ranked) {
            for (String s : t.subsystems()) {
                bySubsystem.computeIfAbsent(s, k -> new ArrayList<>()).add(t);
            }
        }
        return bySubsystem.entrySet().stream()
                .map(e -> new SubsystemStat(e.getKey(), e.getValue().size(),
                        (int) e.getValue().stream().filter(t -> "bug".equals(t.type())).count(),
                        (int) e.getValue().stream().filter(DigestTopic::security).count(),
                        e.getValue().stream().limit(ENTRIES_PER_SUBSYSTEM).toList()))
                .sorted(Comparator.comparingInt(SubsystemStat::topics).reversed().thenComparing(SubsystemStat::name))
                .toList();
    }

    private static List<String> newContributors(List<DigestTopic> now, List<DigestTopic> before) {
        Set<String> earlier = new HashSet<>();
        before.forEach(t -> earlier.add(t.authorEmail()));
        Set<String> fresh = new TreeSet<>();
        now.stream().filter(t -> t.authorEmail() != null && !earlier.contains(t.authorEmail())).forEach(t -> fresh.add(t.author()));
        return List.copyOf(fresh);
    }

    private static <K> Map<K, List<DigestTopic>> groupBy(List<DigestTopic> topics, Function<DigestTopic, K> key) {
        Map<K, List<DigestTopic>> groups = new LinkedHashMap<>();
        topics.forEach(t -> groups.computeIfAbsent(key.apply(t), k -> new ArrayList<>()).add(t));
        return groups;
    }

    private static int rank(List<String> order, String value) {
        int i = order.indexOf(value);
        return i < 0 ? order.size() : i;
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
    }
}
