package org.loredigest.classify.domain.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The problem classes as RUBRIC.md draws them, on phrasings seen on the lists. */
class RubricSignalsTest {

    private static String security(String text) {
        return ProblemClass.find(ProblemClass.SECURITY, text.toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void sanitizerFindingsAreSecurityOnlyForMemoryCorruption() {
        assertThat(security("KASAN: slab-use-after-free Read in smack_socket_sock_rcv_skb")).isNotNull();
        assertThat(security("KASAN: invalid-free in build_sched_domains")).isNotNull();
        assertThat(security("BUG: corrupted list in tomoyo_try_to_gc")).isNotNull();
        assertThat(security("BUG: KMSAN: kernel-infoleak in copy_to_user")).isNotNull();

        assertThat(security("KASAN: null-ptr-deref in range [0x18-0x1f]")).isNull();
        assertThat(security("KASAN: maybe wild-memory-access in range")).isNull();
        assertThat(security("KMSAN: uninit-value in ima_add_template_entry")).isNull();
        assertThat(security("KCSAN: data-race in mem_cgroup_iter / mem_cgroup_iter")).isNull();
        assertThat(security("UBSAN: shift-out-of-bounds in foo")).isNull();
    }

    @Test
    void aBypassedAccessCheckIsSecurity() {
        assertThat(security("selinux,smack: don't bypass permissions check in inode_setsecctx hook")).isNotNull();
        assertThat(security("Add a missing security_mmap_file() check to the remap_file_pages() syscall.")).isNotNull();
        assertThat(security("remove the capability checks in the removexattr hooks")).isNull();
    }

    @Test
    void warningClassReportsAreNotCrashes() {
        for (String title : new String[] {"possible deadlock in keyring_clear (2)", "warning in get_mode_access",
            "kcsan: data-race in __se_sys_keyctl / key_task_permission (3)",
            "bug: sleeping function called from invalid context in cgroup_rstat_flush"}) {
            assertThat(ProblemClass.find(ProblemClass.WARN_ONLY, title)).as(title).isNotNull();
        }
        assertThat(ProblemClass.find(ProblemClass.HIGH, "info: rcu detected stall in sys_getdents64")).isNotNull();
        assertThat(ProblemClass.find(ProblemClass.BUILD, "linux-next boot error: general protection fault in blkg_destroy_all"))
                .isNull();
        assertThat(ProblemClass.find(ProblemClass.BUILD, "linux-next build error (18)")).isNotNull();
    }
}
