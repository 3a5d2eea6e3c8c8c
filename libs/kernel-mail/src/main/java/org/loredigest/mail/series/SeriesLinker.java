package org.loredigest.mail.series;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Links revisions of the same work into a {@link Series}: by b4 change-id when both revisions carry one, else by
 * author and normalised title (cover letter title, or the first patch's title for series without a cover).
 */
public final class SeriesLinker {

    private SeriesLinker() {
    }

    public static List<Series> link(Collection<SeriesRevision> revisions) {
        List<SeriesRevision> all = new ArrayList<>(revisions);
        int[] parent = new int[all.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<String, Integer> byChangeId = new HashMap<>();
        Map<String, Integer> byTitle = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            SeriesRevision r = all.get(i);
            if (!r.changeId().isEmpty()) {
                Integer other = byChangeId.putIfAbsent(r.changeId(), i);
                if (other != null) {
                    union(parent, i, other);
                    continue;
                }
            }
            String titleKey = r.authorEmail() + "\n" + r.normalizedTitle();
            Integer other = byTitle.putIfAbsent(titleKey, i);
            if (other != null) {
                union(parent, i, other);
            }
        }
        Map<Integer, List<SeriesRevision>> groups = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(all.get(i));
        }
        List<Series> out = new ArrayList<>();
        for (List<SeriesRevision> group : groups.values()) {
            group.sort(Comparator.comparingInt(SeriesRevision::version).thenComparing(SeriesRevision::rfc, Comparator.reverseOrder())
                    .thenComparing(SeriesRevision::postedAt));
            SeriesRevision first = group.get(0);
            SeriesRevision last = group.get(group.size() - 1);
            out.add(new Series(first.revisionId(), last.title(), first.authorEmail(), List.copyOf(group)));
        }
        return out;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
