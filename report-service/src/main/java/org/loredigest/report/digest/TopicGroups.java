package org.loredigest.report.digest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One digest entry per story: the revisions of a series active in the period are one entry (its newest revision),
 * repeated bot reports of one crash ("… (2)", "… (3)") are one entry (the newest report) with the earlier ones as
 * occurrences, and a reply filed apart goes with the topic it continues. The entry's period activity is the sum of
 * its parts.
 */
final class TopicGroups {

    private static final Pattern REPEAT = Pattern.compile("\\s*\\(\\d+\\)\\s*$");

    private TopicGroups() {
    }

    static List<DigestTopic> group(Collection<DigestTopic> topics) {
        Map<String, DigestTopic> byId = new HashMap<>();
        topics.forEach(t -> byId.put(t.id(), t));
        Map<String, List<DigestTopic>> groups = new LinkedHashMap<>();
        for (DigestTopic t : topics) {
            groups.computeIfAbsent(key(home(t, byId)), k -> new ArrayList<>()).add(t);
        }
        List<DigestTopic> out = new ArrayList<>();
        for (List<DigestTopic> members : groups.values()) {
            out.add(members.size() == 1 ? members.get(0) : combine(members));
        }
        return out;
    }

    /** The topic it is shown with: the one it continues, followed as far as it goes. */
    static DigestTopic home(DigestTopic t, Map<String, DigestTopic> byId) {
        DigestTopic home = t;
        Set<String> seen = new HashSet<>();
        while (home.continues() != null && seen.add(home.id()) && byId.containsKey(home.continues())) {
            home = byId.get(home.continues());
        }
        return home;
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
        // the newest revision (or report) leads, never a reply filed apart
        List<DigestTopic> leads = sorted.stream().filter(t -> t.continues() == null).toList();
        DigestTopic main = leads.isEmpty() ? sorted.get(sorted.size() - 1) : leads.get(leads.size() - 1);
        PeriodActivity activity = main.activity();
        for (DigestTopic other : sorted) {
            if (other != main) {
                activity = PeriodActivity.merge(activity, other.activity());
            }
        }
        List<DigestTopic.Link> occurrences = new ArrayList<>(main.occurrences());
        if (main.seriesId() == null) {
            for (DigestTopic other : sorted) {
                if (other != main && other.continues() == null) {
                    occurrences.add(new DigestTopic.Link(other.id(), other.title(), "earlier report", other.loreUrl(),
                            other.started()));
                }
            }
        }
        return main.with(activity, main.importance(), occurrences);
    }
}
