package org.loredigest.report.digest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One digest entry per story: the revisions of a series active in the period are one entry (its newest revision),
 * and repeated bot reports of one crash ("… (2)", "… (3)") are one entry (the newest report) with the earlier ones
 * as occurrences. The entry's period activity is the sum of its parts.
 */
final class TopicGroups {

    private static final Pattern REPEAT = Pattern.compile("\\s*\\(\\d+\\)\\s*$");

    private TopicGroups() {
    }

    static List<DigestTopic> group(Collection<DigestTopic> topics) {
        Map<String, List<DigestTopic>> groups = new LinkedHashMap<>();
        for (DigestTopic t : topics) {
            groups.computeIfAbsent(key(t), k -> new ArrayList<>()).add(t);
        }
        List<DigestTopic> out = new ArrayList<>();
        for (List<DigestTopic> members : groups.values()) {
            out.add(members.size() == 1 ? members.get(0) : combine(members));
        }
        return out;
    }

    static String key(DigestTopic t) {
        if (t.seriesId() != null) {
            return "series:" + t.seriesId();
        }
        if (t.reportedBy() != null && "bug".equals(t.type())) {
            return "crash:" + crashTitle(t.title());
        }
        return "thread:" + t.id();
    }

    /** The crash a report is about: its title without syzbot's repeat counter. */
    static String crashTitle(String title) {
        return REPEAT.matcher(title == null ? "" : title).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static DigestTopic combine(List<DigestTopic> members) {
        List<DigestTopic> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparingInt(DigestTopic::seriesVersion)
                .thenComparing(DigestTopic::started, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(DigestTopic::id));
        DigestTopic main = sorted.get(sorted.size() - 1);
        PeriodActivity activity = main.activity();
        for (DigestTopic other : sorted) {
            if (other != main) {
                activity = PeriodActivity.merge(activity, other.activity());
            }
        }
        List<DigestTopic.Link> occurrences = new ArrayList<>(main.occurrences());
        if (main.seriesId() == null) {
            for (DigestTopic other : sorted) {
                if (other != main) {
                    occurrences.add(new DigestTopic.Link(other.id(), other.title(), "earlier report", other.loreUrl(),
                            other.started()));
                }
            }
        }
        return main.with(activity, main.importance(), occurrences);
    }
}
