package org.loredigest.mail.maintainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loredigest.mail.MailParser;
import org.loredigest.mail.ParsedMail;
import org.loredigest.mail.testing.Corpus;

/**
 * Expected values were worked out by hand from MAINTAINERS (Linux 7.3.4) with get_maintainer.pl's rules: pattern
 * depth = slashes in the F: pattern (+1 when it does not end in '/'), deepest first, THE REST's {@code *}/ last.
 */
class MaintainersTest {

    private static Maintainers maintainers;

    @BeforeAll
    static void load() throws Exception {
        assumeTrue(Files.exists(Corpus.maintainers()), "MAINTAINERS not found");
        maintainers = Maintainers.load(Corpus.maintainers());
    }

    @Test
    void parsesEverySection() {
        assertThat(maintainers.sections()).hasSize(3333);
        assertThat(maintainers.sections().get(0).name()).isEqualTo("3C509 NETWORK DRIVER");
        assertThat(maintainers.sections().get(3332).name()).isEqualTo("THE REST");
        assertThat(maintainers.sections()).filteredOn(s -> s.name().startsWith("MEMORY MANAGEMENT")).hasSize(21);
    }

    @Test
    void memcontrol() {
        // F: mm/memcontrol.c (MEMCG, depth 2) before F: mm/ (MEMORY MANAGEMENT, depth 1) before F: */ (THE REST)
        List<SubsystemMatch> m = maintainers.forFiles(List.of("mm/memcontrol.c"));
        assertThat(m).extracting(SubsystemMatch::name).containsExactly(
                "CONTROL GROUP - MEMORY RESOURCE CONTROLLER (MEMCG)", "MEMORY MANAGEMENT", "THE REST");
        assertThat(m).extracting(SubsystemMatch::depth).containsExactly(2, 1, -1);
        assertThat(Maintainers.lists(m)).containsExactly("cgroups@vger.kernel.org", "linux-mm@kvack.org",
                "linux-kernel@vger.kernel.org");
    }

    @Test
    void cpuset() {
        List<SubsystemMatch> m = maintainers.forFiles(List.of("kernel/cgroup/cpuset.c"));
        assertThat(m).extracting(SubsystemMatch::name).containsExactly(
                "CONTROL GROUP - CPUSET", "CONTROL GROUP (CGROUP)", "THE REST");
        assertThat(m.get(0).reason()).isEqualTo("F: kernel/cgroup/cpuset.c");
        assertThat(m.get(1).reason()).isEqualTo("F: kernel/cgroup/");
    }

    @Test
    void vmscan() {
        // two sections name mm/vmscan.c at the same depth: MAINTAINERS order breaks the tie
        List<SubsystemMatch> m = maintainers.forFiles(List.of("mm/vmscan.c"));
        assertThat(m).extracting(SubsystemMatch::name).containsExactly(
                "MEMORY MANAGEMENT - MGLRU (MULTI-GEN LRU)", "MEMORY MANAGEMENT - RECLAIM", "MEMORY MANAGEMENT", "THE REST");
        assertThat(Maintainers.lists(m)).containsExactly("linux-mm@kvack.org", "linux-kernel@vger.kernel.org");
    }

    @Test
    void excludesAndDirectoriesWithoutTrailingSlash(@TempDir Path tree) throws Exception {
        String text = """
                Intro prose
                \tM: Mail patches to...

                FOO DRIVER
                M:\tA <a@example.org>
                L:\tfoo@vger.kernel.org
                S:\tMaintained
                F:\tdrivers/foo
                X:\tdrivers/foo/legacy/

                BAR
                L:\tbar@lists.example.org (subscribers-only)
                F:\tdrivers/foo/*.h
                N:\tbar

                THE REST
                L:\tlinux-kernel@vger.kernel.org
                F:\t*
                F:\t*/
                """;
        Maintainers m = Maintainers.parse(text);
        assertThat(m.forFiles(List.of("drivers/foo/core.c"))).extracting(SubsystemMatch::name).containsExactly("FOO DRIVER", "THE REST");
        assertThat(m.forFiles(List.of("drivers/foo/legacy/old.c"))).extracting(SubsystemMatch::name).containsExactly("THE REST");
        assertThat(m.forFiles(List.of("drivers/foo/core.h"))).extracting(SubsystemMatch::name).containsExactly("BAR", "FOO DRIVER", "THE REST");
        assertThat(Maintainers.lists(m.forFiles(List.of("drivers/foo/core.h")))).containsExactly("foo@vger.kernel.org", "linux-kernel@vger.kernel.org");
        assertThat(m.forFiles(List.of("README"))).extracting(SubsystemMatch::name).containsExactly("THE REST");

        Files.createDirectories(tree.resolve("drivers/foo"));
        Files.writeString(tree.resolve("MAINTAINERS"), text);
        Maintainers fromTree = Maintainers.fromKernelTree(tree);
        assertThat(fromTree.forFiles(List.of("drivers/foo/core.c"))).extracting(SubsystemMatch::name).containsExactly("FOO DRIVER", "THE REST");
    }

    /** The index answers as the scan of every section did, for every list any L: line names, in both forms. */
    @Test
    void sectionsForAListAreThoseWhoseLinesNameIt() {
        java.util.Set<String> wanted = new java.util.TreeSet<>(List.of("LINUX-MM@KVACK.ORG", "cgroups.vger.kernel.org", "nobody@x"));
        for (MaintainersSection s : maintainers.sections()) {
            for (String l : s.lists()) {
                wanted.add(l);
                wanted.add(l.replace('@', '.'));
            }
        }
        for (String list : wanted) {
            assertThat(maintainers.sectionsForList(list)).as(list).containsExactlyElementsOf(scanned(list));
        }
        assertThat(maintainers.sectionsForList("linux-mm@kvack.org").get(0).lists().get(0)).isEqualTo("linux-mm@kvack.org");
    }

    private static List<MaintainersSection> scanned(String list) {
        String wanted = list.toLowerCase(java.util.Locale.ROOT);
        List<MaintainersSection> primary = new java.util.ArrayList<>();
        List<MaintainersSection> secondary = new java.util.ArrayList<>();
        for (MaintainersSection s : maintainers.sections()) {
            for (int i = 0; i < s.lists().size(); i++) {
                String l = s.lists().get(i).toLowerCase(java.util.Locale.ROOT);
                if (l.equals(wanted) || l.replace('@', '.').equals(wanted)) {
                    (i == 0 ? primary : secondary).add(s);
                    break;
                }
            }
        }
        primary.addAll(secondary);
        return primary;
    }
}
