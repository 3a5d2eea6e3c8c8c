package org.loredigest.classify.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loredigest.classify.testing.Corpus;
import org.loredigest.classify.testing.TopologyRun;
import org.loredigest.events.ThreadClassified;
import org.loredigest.events.ThreadClassified.MessageActivity;

/**
 * Bot bug reports from the real corpus are topics of type bug, linked to the patches that fix them, while bot noise
 * (build-success notices) makes no topic: April and August 2024 of the cgroups list through the real topology.
 */
class BotReportTopicsTest {

    /** kernel test robot build warning, closed by "cgroup/rstat: desc member cgrp in cgroup_rstat_flush_release". */
    static final String ROBOT_REPORT = "202404170821.HwZGISTY-lkp@intel.com";
    /** syzbot "WARNING in folio_memcg", fixed by "mm: kmem: fix split_page_memcg()" (Reported-by: syzbot+ef4e…). */
    static final String SYZBOT_REPORT = "0000000000006f7e4d0620042b96@google.com";
    /** syzbot "possible deadlock in task_rq_lock": three bot mails, no person answered. */
    static final String UNANSWERED_SYZBOT_REPORT = "000000000000e540f3061fc68863@google.com";

    static TopologyRun run;
    static Map<String, ThreadClassified> topics;

    @BeforeAll
    static void classifyTwoMonths() {
        run = new TopologyRun(Optional.empty(), 50);
        run.sendMbox("cgroups", Corpus.cgroups("cgroups-2024-04.mbox"));
        run.sendMbox("cgroups", Corpus.cgroups("cgroups-2024-08.mbox"));
        topics = run.topics();
    }

    @AfterAll
    static void close() {
        run.close();
    }

    @Test
    void aKernelTestRobotReportIsABugLinkedToItsFix() {
        ThreadClassified report = topics.get(ROBOT_REPORT);
        assertThat(report).as("robot report topic").isNotNull();
        assertThat(report.type().value()).isEqualTo("bug");
        assertThat(report.related()).anySatisfy(r -> {
            assertThat(r.relation()).isEqualTo("fixed-by");
            assertThat(r.note()).contains("cgroup_rstat_flush_release");
        });
        assertThat(report.activity().get(0).role()).isEqualTo(MessageActivity.REPORT);
    }

    @Test
    void aSyzbotReportIsABugLinkedToTheFixThatNamesItsBugId() {
        ThreadClassified report = topics.get(SYZBOT_REPORT);
        assertThat(report).as("syzbot report topic").isNotNull();
        assertThat(report.type().value()).isEqualTo("bug");
        assertThat(report.related()).anySatisfy(r -> {
            assertThat(r.relation()).isEqualTo("fixed-by");
            assertThat(r.note()).contains("split_page_memcg");
        });
    }

    @Test
    void aSyzbotReportNobodyAnsweredIsStillATopic() {
        ThreadClassified report = topics.get(UNANSWERED_SYZBOT_REPORT);
        assertThat(report).as("unanswered syzbot report").isNotNull();
        assertThat(report.type().value()).isEqualTo("bug");
        assertThat(report.participants()).allMatch(ThreadClassified.Participant::bot);
    }

    @Test
    void buildSuccessNoticesMakeNoTopic() {
        List<ThreadClassified> notices = topics.values().stream()
                .filter(t -> t.subject() != null && t.subject().contains("BUILD SUCCESS")).toList();
        assertThat(notices).isEmpty();
    }
}
