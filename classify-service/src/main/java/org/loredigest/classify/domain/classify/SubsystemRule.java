package org.loredigest.classify.domain.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.loredigest.classify.domain.mail.ThreadMessage;
import org.loredigest.events.ThreadClassified;
import org.loredigest.mail.maintainers.Maintainers;
import org.loredigest.mail.maintainers.MaintainersSection;
import org.loredigest.mail.maintainers.SubsystemMatch;

/**
 * subsystems (RUBRIC.md, convention 8): the most specific MAINTAINERS sections of the touched files, ordered by how
 * many diff-carrying messages touch them; without diffs, the sections that name the thread's lists.
 */
final class SubsystemRule {

    private static final String THE_REST = "THE REST";
    private static final int MAX_SECTIONS = 4;

    private static final int CACHE_LIMIT = 50_000;

    private final Optional<Maintainers> maintainers;
    /** MAINTAINERS matching runs every F: pattern; a thread is re-labelled on every message, so remember per path. */
    private final Map<String, List<String>> sectionsByPath = new java.util.concurrent.ConcurrentHashMap<>();

    private final Map<String, Set<String>> maintainersByPath = new java.util.concurrent.ConcurrentHashMap<>();

    SubsystemRule(Optional<Maintainers> maintainers) {
        this.maintainers = maintainers;
    }

    /**
     * E-mail addresses of the maintainers ({@code M:}) of every section a patch of the thread touches: on lists where
     * maintainers post and apply their own patches, their word about their own patch is a maintainer's word.
     */
    Set<String> maintainerEmails(ThreadFacts f) {
        if (maintainers.isEmpty()) {
            return Set.of();
        }
        Maintainers m = maintainers.get();
        Set<String> out = new java.util.HashSet<>();
        for (ThreadMessage msg : f.postings()) {
            for (ThreadMessage.FileStat file : msg.files()) {
                Set<String> known = maintainersByPath.get(file.path());
                if (known == null) {
                    known = emails(m.forFiles(List.of(file.path())));
                    if (maintainersByPath.size() < CACHE_LIMIT) {
                        maintainersByPath.put(file.path(), known);
                    }
                }
                out.addAll(known);
            }
        }
        return out;
    }

    private static Set<String> emails(List<SubsystemMatch> matches) {
        Set<String> out = new java.util.HashSet<>();
        for (SubsystemMatch match : matches) {
            if (match.name().equals(THE_REST)) {
                continue;
            }
            for (String person : match.section().maintainers()) {
                int lt = person.indexOf('<');
                int gt = person.indexOf('>', lt + 1);
                if (lt >= 0 && gt > lt) {
                    out.add(person.substring(lt + 1, gt).strip().toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return out;
    }

    private List<String> sections(Maintainers m, String path) {
        List<String> known = sectionsByPath.get(path);
        if (known == null) {
            known = mostSpecific(m.forFiles(List.of(path)));
            if (sectionsByPath.size() < CACHE_LIMIT) {
                sectionsByPath.put(path, known);
            }
        }
        return known;
    }

    ThreadClassified.SubsystemLabel decide(ThreadFacts f) {
        if (maintainers.isEmpty()) {
            return byListName(f, "no MAINTAINERS file configured: sections named after the list");
        }
        Maintainers m = maintainers.get();
        Map<String, Integer> votes = new LinkedHashMap<>();
        List<String> evidence = new ArrayList<>();
        for (ThreadMessage msg : f.view().messages()) {
            if (!msg.hasDiff() || msg.fromBot()) {
                continue;
            }
            Set<String> sections = new LinkedHashSet<>();
            for (ThreadMessage.FileStat file : msg.files()) {
                sections.addAll(sections(m, file.path()));
            }
            sections.remove(THE_REST);
            if (!sections.isEmpty()) {
                evidence.add(msg.messageId());
            }
            sections.forEach(s -> votes.merge(s, 1, Integer::sum));
        }
        if (!votes.isEmpty()) {
            List<String> names = new ArrayList<>(votes.keySet());
            names.sort((a, b) -> votes.get(b) - votes.get(a)); // stable: equal votes keep file order
            return new ThreadClassified.SubsystemLabel(names.subList(0, Math.min(MAX_SECTIONS, names.size())),
                    List.of("MAINTAINERS sections of the touched files (most specific per file), by number of patches"),
                    evidence);
        }
        Set<String> names = new LinkedHashSet<>();
        for (String listId : listIds(f)) {
            for (MaintainersSection s : m.sectionsForList(listAddress(listId))) {
                if (s.lists().indexOf(listAddress(listId)) == 0) {
                    names.add(s.name());
                }
            }
        }
        if (!names.isEmpty()) {
            return new ThreadClassified.SubsystemLabel(new ArrayList<>(names).subList(0, Math.min(MAX_SECTIONS, names.size())),
                    List.of("no diff in the thread: MAINTAINERS sections whose first list is the thread's list"),
                    List.of(f.first().messageId()));
        }
        return byListName(f, "no diff and no MAINTAINERS section for the list: named after the list");
    }

    private static List<String> mostSpecific(List<SubsystemMatch> matches) {
        int best = Integer.MIN_VALUE;
        for (SubsystemMatch s : matches) {
            if (!s.name().equals(THE_REST)) {
                best = Math.max(best, s.depth());
            }
        }
        List<String> out = new ArrayList<>();
        for (SubsystemMatch s : matches) {
            if (s.depth() == best && !s.name().equals(THE_REST)) {
                out.add(s.name());
            }
        }
        return out;
    }

    private static ThreadClassified.SubsystemLabel byListName(ThreadFacts f, String signal) {
        Map<String, String> known = new HashMap<>();
        known.put("cgroups.vger.kernel.org", "CONTROL GROUP (CGROUP)");
        known.put("linux-mm.kvack.org", "MEMORY MANAGEMENT");
        Set<String> names = new LinkedHashSet<>();
        for (String listId : listIds(f)) {
            names.add(known.getOrDefault(listId, listId));
        }
        return new ThreadClassified.SubsystemLabel(List.copyOf(names), List.of(signal), List.of(f.first().messageId()));
    }

    private static Set<String> listIds(ThreadFacts f) {
        Set<String> ids = new LinkedHashSet<>();
        f.view().messages().forEach(m -> ids.addAll(m.listIds()));
        return ids;
    }

    /** {@code cgroups.vger.kernel.org} is {@code cgroups@vger.kernel.org}: the first dot was the at sign. */
    static String listAddress(String listId) {
        int dot = listId.indexOf('.');
        return dot < 0 ? listId : listId.substring(0, dot) + "@" + listId.substring(dot + 1);
    }
}
