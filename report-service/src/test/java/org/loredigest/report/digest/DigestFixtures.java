package org.loredigest.report.digest;

import java.time.Instant;
import java.util.List;
import org.loredigest.report.digest.DigestTopic.Evidence;
import org.loredigest.report.digest.DigestTopic.Summary;

/** Hand-made topics for digest tests, including hostile mail text. */
final class DigestFixtures {

    static final String HOSTILE_TITLE = "mm: <script>alert('x')</script> fix [link](javascript:alert(1))";
    static final String HOSTILE_PROBLEM = "<img src=x onerror=alert(1)> use-after-free in memcg";

    private DigestFixtures() {
    }

    static DigestTopic topic(String id, String list, String type, String severity, boolean security, String fixStatus,
                             String subsystem, String author, Instant when, int messages, String seriesId, int version) {
        Summary summary = new Summary(Evidence.of(HOSTILE_PROBLEM, list, id), Evidence.NONE,
                Evidence.of("reclaim under memory.high", list, id), Evidence.of("take the lock earlier", list, id),
                Evidence.of("mm/memcontrol.c: 10 insertions(+), 2 deletions(-)", list, id), Evidence.NONE,
                Evidence.of("memcg", list, id), Evidence.NONE, Evidence.NONE, Evidence.NONE, Evidence.NONE);
        return new DigestTopic(id, list, "title of " + id, type, severity, security, fixStatus,
                "applied".equals(fixStatus) || "merged".equals(fixStatus) ? "evidence-" + id : null, List.of(subsystem),
                author + " <" + author.toLowerCase() + "@example.org>", author.toLowerCase() + "@example.org", when,
                when.plusSeconds(3600), messages, Math.max(1, messages / 2), seriesId, version, List.of(), summary);
    }

    static List<DigestTopic> week() {
        Instant t = Instant.parse("2024-03-05T10:00:00Z");
        DigestTopic hostile = new DigestTopic("evil@example.org", "linux-mm", HOSTILE_TITLE, "bug", "critical", true,
                "proposed", null, List.of("MEMORY MANAGEMENT"), "Mallory <mallory@example.org>", "mallory@example.org", t, t,
                3, 2, null, 1, List.of(), topic("x", "linux-mm", "bug", "high", true, "none", "X", "X", t, 1, null, 1).summary());
        return List.of(
                hostile,
                topic("a1@x", "cgroups", "patch", "high", false, "applied", "CONTROL GROUP (CGROUP)", "Alice", t, 12, "s1", 1),
                topic("a2@x", "cgroups", "patch", "high", false, "reviewed", "CONTROL GROUP (CGROUP)", "Alice", t.plusSeconds(86400), 8, "s1", 2),
                topic("b@x", "linux-mm", "feature", "medium", false, "proposed", "MEMORY MANAGEMENT - RECLAIM", "Bob", t, 20, "s2", 3),
                topic("c@x", "linux-mm", "discussion", "medium", false, "none", "MEMORY MANAGEMENT - RECLAIM", "Carol", t, 5, null, 1),
                topic("d@x", "linux-mm", "patch", "low", false, "merged", "MEMORY MANAGEMENT", "Dave", t, 2, null, 1));
    }

    static List<DigestTopic> weekBefore() {
        Instant t = Instant.parse("2024-02-27T10:00:00Z");
        return List.of(
                topic("p1@x", "linux-mm", "bug", "high", true, "none", "MEMORY MANAGEMENT", "Dave", t, 4, null, 1),
                topic("p2@x", "cgroups", "patch", "medium", false, "proposed", "CONTROL GROUP (CGROUP)", "Alice", t, 3, null, 1));
    }
}
