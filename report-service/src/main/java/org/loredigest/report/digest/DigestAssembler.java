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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.loredigest.report.digest.Digest.Change;
import org.loredigest.report.digest.Digest.Count;
import org.loredigest.report.digest.Digest.ListSection;
import org.loredigest.report.digest.Digest.Overview;
import org.loredigest.report.digest.Digest.SubsystemStat;
import org.loredigest.report.digest.Digest.Trends;

/**
 * Builds a {@link Digest} from the topics active in a period and in the period before it. Pure: same topics, same
 * digest. A series shows once (its newest revision), a repeated crash once (its newest report); topics are ranked by
 * their {@link Importance} score in the period.
 */
public final class DigestAssembler {

    public static final int TOP_TOPICS = 20;
    public static final int TOP_FIXES = 15;
    /** Topics of a list shown with every field; the rest of the list get one line each. */
    public static final int FULL_PER_LIST = 25;
    public static final int ENTRIES_PER_SUBSYSTEM = 5;
    public static final int BUSIEST_SERIES = 10;

    static final List<String> TYPES = List.of("bug", "feature", "patch", "discussion", "question");
    static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");
    private static final List<String> FIX_ORDER = List.of("merged", "applied", "reviewed", "proposed", "superseded", "none");

    /**
     * @param current  topics with their activity in the period (inactive ones are left out here)
     * @param previous the same for the period before, for the trends
     */
    public Digest assemble(List<String> lists, LocalDate from, LocalDate to, Collection<DigestTopic> current,
                           Collection<DigestTopic> previous, Instant generatedAt) {
        List<DigestTopic> ranked = rank(current);
        List<DigestTopic> before = rank(previous);

        Map<String, List<DigestTopic>> byList = groupBy(ranked, DigestTopic::list);
        List<ListSection> perList = byList.entrySet().stream().map(e -> new ListSection(e.getKey(), e.getValue().size(),
                e.getValue().stream().limit(FULL_PER_LIST).toList(),
                e.getValue().stream().skip(FULL_PER_LIST).map(Digest.Brief::of).toList())).toList();
        List<DigestTopic> fixes = ranked.stream().filter(DigestTopic::hasFix).filter(t -> !"superseded".equals(t.fixStatus()))
                .sorted(BY_FIX_IMPORTANCE).limit(TOP_FIXES).toList();

        LocalDate previousFrom = from.minusDays(to.toEpochDay() - from.toEpochDay() + 1);
        Trends trends = new Trends(previousFrom, from.minusDays(1), before.size(),
                changes(TYPES, ranked, before, t -> List.of(t.type())),
                changes(SEVERITIES, ranked, before, t -> List.of(t.severity())),
                subsystemChanges(ranked, before), activityChanges(overview(ranked), overview(before)),
                ranked.stream().filter(t -> t.seriesId() != null)
                        .sorted(Comparator.comparingInt((DigestTopic t) -> t.activity().messages()).reversed()
                                .thenComparing(DigestTopic::id))
                        .limit(BUSIEST_SERIES).toList(),
                newContributors(ranked, before));

        return new Digest(List.copyOf(lists), from, to, generatedAt, overview(ranked),
                counts(TYPES, ranked, DigestTopic::type), counts(SEVERITIES, ranked, DigestTopic::severity),
                counts(byList.entrySet().stream().sorted((a, b) -> b.getValue().size() - a.getValue().size())
                        .map(Map.Entry::getKey).toList(), ranked, DigestTopic::list), perList,
                ranked.stream().limit(TOP_TOPICS).toList(), fixes, subsystemStats(ranked), trends);
    }

    /** Active topics, one per series and per crash, scored and most important first. */
    static List<DigestTopic> rank(Collection<DigestTopic> topics) {
        List<DigestTopic> active = topics.stream().filter(t -> t.activity().active()).toList();
        return TopicGroups.group(active).stream().map(DigestTopic::ranked).sorted(BY_IMPORTANCE).toList();
    }

    /** Importance: the score (see {@link Importance}), then the id for a stable order. */
    static final Comparator<DigestTopic> BY_IMPORTANCE = Comparator
            .comparingInt((DigestTopic t) -> -t.score())
            .thenComparing(DigestTopic::id);

    /** Fixes: importance first, then how far the fix got (merged before applied before reviewed...). */
    static final Comparator<DigestTopic> BY_FIX_IMPORTANCE = Comparator
            .comparingInt((DigestTopic t) -> -t.score())
            .thenComparingInt(t -> rank(FIX_ORDER, t.fixStatus()))
            .thenComparing(DigestTopic::id);

    private static Overview overview(List<DigestTopic> topics) {
        int withFix = (int) topics.stream().filter(DigestTopic::hasFix).count();
        int applied = (int) topics.stream().filter(t -> "applied".equals(t.fixStatus()) || "merged".equals(t.fixStatus())).count();
        Set<String> people = new HashSet<>();
        topics.forEach(t -> t.activity().people().forEach(p -> people.add(email(p))));
        return new Overview(topics.size(), topics.stream().mapToLong(t -> t.activity().messages()).sum(),
                (int) topics.stream().filter(DigestTopic::security).count(), withFix, percent(withFix, topics.size()), applied,
                count(topics, PeriodActivity.NEW), count(topics, PeriodActivity.ONGOING), count(topics, PeriodActivity.CONCLUDED),
                (int) topics.stream().filter(t -> t.reportedBy() != null).count(), people.size());
    }

    private static int count(List<DigestTopic> topics, String status) {
        return (int) topics.stream().filter(t -> status.equals(t.activity().status())).count();
    }

    private static List<Change> activityChanges(Overview now, Overview then) {
        // keys double as label names of the renderings
        return List.of(new Change("totalTopics", now.topics(), then.topics()),
                new Change("messages", (int) now.messages(), (int) then.messages()),
                new Change("people", now.participants(), then.participants()),
                new Change("started", now.started(), then.started()),
                new Change("ongoing", now.ongoing(), then.ongoing()),
                new Change("concluded", now.concluded(), then.concluded()),
                new Change("botReports", now.botReports(), then.botReports()),
                new Change("security", now.security(), then.security()));
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

    /** Persons who wrote in this period and not in the previous one, by address. */
    private static List<String> newContributors(List<DigestTopic> now, List<DigestTopic> before) {
        Set<String> earlier = new HashSet<>();
        before.forEach(t -> t.activity().people().forEach(p -> earlier.add(email(p))));
        Map<String, String> fresh = new TreeMap<>();
        now.forEach(t -> t.activity().people().stream().filter(p -> !earlier.contains(email(p)))
                .forEach(p -> fresh.putIfAbsent(email(p), p)));
        return List.copyOf(new TreeSet<>(fresh.values()));
    }

    /** The address of "Name <address>". */
    static String email(String person) {
        int open = person.lastIndexOf('<');
        return open >= 0 && person.endsWith(">") ? person.substring(open + 1, person.length() - 1) : person;
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
