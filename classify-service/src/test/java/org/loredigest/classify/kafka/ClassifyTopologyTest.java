package org.loredigest.classify.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loredigest.classify.testing.Mails.mail;
import static org.loredigest.classify.testing.Mails.patchBody;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.loredigest.classify.testing.TopologyRun;
import org.loredigest.events.ThreadClassified;

/** The topology in a TopologyTestDriver with hand-written mail: threading, re-homing, revisions, noise, poison. */
class ClassifyTopologyTest {

    static final String DEV = "A Dev <dev@example.org>";
    static final String MAINTAINER = "Tejun Heo <tj@kernel.org>";

    @Test
    void parsedRecordsKeepTheIncomingKeyAndPoisonGoesToTheDeadLetterTopic() {
        try (TopologyRun run = new TopologyRun(Optional.empty())) {
            run.send("sha256:abc", "cgroups", mail("a@x", DEV, "Mon, 4 Mar 2024 10:00:00 +0000", "[PATCH] cgroup: fix",
                    null, null, patchBody("Fix it.", "kernel/cgroup/cgroup.c")));
            run.send("garbage-1", "cgroups", "this is not a mail at all\n".getBytes(StandardCharsets.UTF_8));
            run.send("empty-1", "cgroups", new byte[0]);

            var parsed = run.parsed().readRecordsToList();
            assertThat(parsed).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("sha256:abc");
                assertThat(r.value().key()).isEqualTo("sha256:abc");
                assertThat(r.value().messageId()).isEqualTo("a@x");
                assertThat(r.value().list()).isEqualTo("cgroups");
            });
            var letters = run.receivedDlq().readRecordsToList();
            assertThat(letters).extracting(r -> r.key()).containsExactly("garbage-1", "empty-1");
            assertThat(letters).extracting(r -> r.value().reason())
                    .anySatisfy(reason -> assertThat(reason).contains("no header section"))
                    .anySatisfy(reason -> assertThat(reason).contains("empty"));
            assertThat(letters.get(0).headers().lastHeader("lore.dlq.stage").value())
                    .isEqualTo(ParseStep.STAGE.getBytes(StandardCharsets.UTF_8));
            // the key is the mail's identity: a mail keyed by its digest is not the one its Message-ID names
            assertThat(run.topics()).containsOnlyKeys("sha256:abc");
            assertThat(run.topics().get("sha256:abc").rootMessageId()).isEqualTo("a@x");
        }
    }

    /**
     * ingest-service places mail on the partition of its thread bucket: thread state takes it where it arrives. Mail
     * from a producer that does not (no {@code lore.thread-bucket} header) reaches its bucket through the rerouting
     * topic first; the topic is the same either way.
     */
    @Test
    void placedMailIsThreadedWhereItArrivesAndUnplacedMailIsMovedToItsBucketFirst() {
        try (TopologyRun run = new TopologyRun(Optional.empty())) {
            run.send("cgroups", mail("root@x", DEV, "Mon, 4 Mar 2024 10:00:00 +0000", "[PATCH] mm: fix foo", null, null,
                    patchBody("Fix foo.", "mm/memcontrol.c")));
            run.send("cgroups", mail("r1@x", MAINTAINER, "Mon, 4 Mar 2024 11:00:00 +0000", "Re: [PATCH] mm: fix foo",
                    "root@x", "root@x", "Looks good.\n"));
            assertThat(run.rerouted()).as("placed mail: only the join notice a reply sends to its own id's bucket")
                    .allSatisfy(r -> assertThat(r.value().message()).isNull());
            byte[] late = mail("r2@x", DEV, "Mon, 4 Mar 2024 12:00:00 +0000", "Re: [PATCH] mm: fix foo", "r1@x",
                    "root@x r1@x", "Thanks.\n");
            run.sendUnplaced(TopologyRun.keyOf(late), "cgroups", late);
            assertThat(run.rerouted()).filteredOn(r -> r.value().message() != null).singleElement()
                    .satisfies(r -> assertThat(r.key()).isEqualTo("root@x"));
            run.flush();
            assertThat(run.topics()).containsOnlyKeys("root@x");
            assertThat(run.topics().get("root@x").messageCount()).isEqualTo(3);
        }
    }

    /** The patch the pacing tests thread replies under. */
    private static byte[] barPatch() {
        return mail("big@x", DEV, "Mon, 4 Mar 2024 10:00:00 +0000", "[PATCH] mm: fix bar", null, null,
                patchBody("Fix bar.", "mm/memcontrol.c"));
    }

    /** A reply to {@link #barPatch()} arriving after the backlog. */
    private static byte[] thanksForBar() {
        return mail("late@x", DEV, "Tue, 5 Mar 2024 10:00:00 +0000", "Re: [PATCH] mm: fix bar", "big@x", "big@x", "Thanks.\n");
    }

    /**
     * A backlog (input written longer ago than {@code FlushPace.DEFAULT} allows for live traffic) is published once it
     * is read, as one record for the whole thread; a mail arriving live afterwards is published within two seconds
     * (thread state's and the series stage's flush).
     */
    @Test
    void aBacklogIsPublishedOnceWhenReadAndLiveMailWithinTwoSeconds() {
        try (TopologyRun run = new TopologyRun(Optional.empty(), Integer.MAX_VALUE)) {
            run.lagging(Duration.ofMinutes(10));
            run.send("cgroups", barPatch());
            for (int i = 0; i < 300; i++) {
                run.send("cgroups", mail("reply" + i + "@x", "R One <r1@example.org>", "Mon, 4 Mar 2024 11:00:00 +0000",
                        "Re: [PATCH] mm: fix bar", "big@x", "big@x", "Comment " + i + ".\n"));
            }
            run.flush();
            assertThat(run.publishedSoFar()).as("deferred while the backlog is read").isEmpty();
            run.flush();
            run.flush();
            assertThat(run.publishedSoFar()).as("a second or two without input: the stream thread may be busy elsewhere")
                    .isEmpty();
            run.flush();
            run.flush();
            var published = run.publishedSoFar();
            assertThat(published).hasSize(1);
            assertThat(published.get(0).value().messageCount()).isEqualTo(301);

            run.lagging(Duration.ZERO);
            run.send("cgroups", thanksForBar());
            run.flush();
            run.flush();
            assertThat(run.publishedSoFar()).singleElement()
                    .satisfies(r -> assertThat(r.value().messageCount()).isEqualTo(302));
        }
    }

    /**
     * A backfill read as fast as ingest writes it has no lag; the source's word that thousands of entries follow makes
     * it a backlog all the same. The last entries of the source are live again.
     */
    @Test
    void mailWhoseSourceHasMuchLeftBehindItIsABacklogWithoutLag() {
        try (TopologyRun run = new TopologyRun(Optional.empty(), Integer.MAX_VALUE)) {
            run.sourceBacklog(5_000);
            run.send("cgroups", barPatch());
            for (int i = 0; i < 50; i++) {
                run.send("cgroups", mail("reply" + i + "@x", "R One <r1@example.org>", "Mon, 4 Mar 2024 11:00:00 +0000",
                        "Re: [PATCH] mm: fix bar", "big@x", "big@x", "Comment " + i + ".\n"));
                run.flush();
            }
            assertThat(run.publishedSoFar()).as("deferred while the source has much left").isEmpty();

            run.sourceBacklog(0);
            run.send("cgroups", thanksForBar());
            run.flush();
            run.flush();
            assertThat(run.publishedSoFar()).singleElement()
                    .satisfies(r -> assertThat(r.value().messageCount()).isEqualTo(52));
        }
    }

    /**
     * During a long backfill thread state publishes at the longest deferral and marks the burst; the series stage
     * publishes it once the burst is read (three quiet seconds), not every second while it arrives.
     */
    @Test
    void aBurstForcedOutDuringABacklogIsPublishedOnceItIsRead() {
        try (TopologyRun run = new TopologyRun(Optional.empty(), Integer.MAX_VALUE)) {
            run.sourceBacklog(5_000);
            run.send("cgroups", barPatch());
            int seconds = 0;
            while (seconds < 61) {
                run.send("cgroups", mail("other" + seconds + "@x", DEV, "Mon, 4 Mar 2024 11:00:00 +0000",
                        "[PATCH] mm: change " + seconds, null, null, patchBody("Change.", "mm/vmscan.c")));
                run.flush();
                seconds++;
            }
            assertThat(run.publishedSoFar()).as("thread state published at 60 s; the series stage waits").isEmpty();
            run.flush();
            run.flush();
            run.flush();
            assertThat(run.publishedSoFar()).as("the burst read: once per topic")
                    .filteredOn(r -> r.key().equals("big@x")).hasSize(1);
        }
    }

    @Test
    void twoDifferentMailsWithOneMessageIdAreBothInTheirThreads() {
        try (TopologyRun run = new TopologyRun(Optional.empty())) {
            run.send("cgroups", mail("root@x", DEV, "Mon, 4 Mar 2024 10:00:00 +0000", "[PATCH] mm: fix foo", null, null,
                    patchBody("Fix foo.", "mm/memcontrol.c")));
            run.send("cgroups", mail("dup@x", "R One <r1@example.org>", "Mon, 4 Mar 2024 11:00:00 +0000",
                    "Re: [PATCH] mm: fix foo", "root@x", "root@x", "Reviewed-by: R One <r1@example.org>\n"));
            // another mail reusing dup@x: ingest published it under its content digest
            run.send("sha256:second", "cgroups", mail("dup@x", "R Two <r2@example.org>", "Mon, 4 Mar 2024 12:00:00 +0000",
                    "Re: [PATCH] mm: fix foo", "root@x", "root@x", "Tested-by: R Two <r2@example.org>\n"));
            // a reply to dup@x hangs below the mail that holds the id
            run.send("cgroups", mail("answer@x", DEV, "Mon, 4 Mar 2024 13:00:00 +0000", "Re: [PATCH] mm: fix foo",
                    "dup@x", "root@x dup@x", "Thanks.\n"));
            // an unrelated thread starter reusing root@x starts a thread of its own
            run.send("sha256:third", "cgroups", mail("root@x", "Other <other@example.org>", "Tue, 5 Mar 2024 10:00:00 +0000",
                    "[PATCH] net: unrelated", null, null, patchBody("Unrelated.", "net/core/dev.c")));

            assertThat(run.topics()).containsOnlyKeys("root@x", "sha256:third");
            ThreadClassified thread = run.topics().get("root@x");
            assertThat(thread.messageCount()).isEqualTo(4);
            assertThat(thread.activity()).extracting(ThreadClassified.MessageActivity::key)
                    .containsExactly("root@x", "dup@x", "sha256:second", "answer@x");
            assertThat(thread.activity()).extracting(ThreadClassified.MessageActivity::messageId)
                    .containsExactly("root@x", "dup@x", "dup@x", "answer@x");
            assertThat(thread.activity()).extracting(ThreadClassified.MessageActivity::authorEmail)
                    .containsExactly("dev@example.org", "r1@example.org", "r2@example.org", "dev@example.org");
            ThreadClassified other = run.topics().get("sha256:third");
            assertThat(other.messageCount()).isEqualTo(1);
            assertThat(other.title()).isEqualTo("net: unrelated");
            assertThat(other.rootMessageId()).isEqualTo("root@x");
            assertThat(other.link().messageId()).isEqualTo("root@x");

            long published = run.history().size();
            run.send("sha256:second", "cgroups", mail("dup@x", "R Two <r2@example.org>", "Mon, 4 Mar 2024 12:00:00 +0000",
                    "Re: [PATCH] mm: fix foo", "root@x", "root@x", "Tested-by: R Two <r2@example.org>\n"));
            assertThat(run.history()).as("re-delivery publishes nothing").hasSize((int) published);
        }
    }

    @Test
    void repliesArrivingBeforeTheirParentsAreRehomedWhenTheParentShowsUp() {
        try (TopologyRun run = new TopologyRun(Optional.empty())) {
            // c answers b answers a; d names only its parent b (no References) and arrives first of all
            run.send("cgroups", mail("d@x", "R One <r1@example.org>", "Mon, 4 Mar 2024 13:00:00 +0000",
                    "Re: [PATCH] mm: fix use-after-free in foo", "b@x", null, "I agree.\n"));
            assertThat(run.topics()).containsOnlyKeys("b@x");
            run.send("cgroups", mail("c@x", "R Two <r2@example.org>", "Mon, 4 Mar 2024 12:00:00 +0000",
                    "Re: [PATCH] mm: fix use-after-free in foo", "b@x", "a@x b@x", "Looks right.\n"));
            run.send("cgroups", mail("a@x", DEV, "Mon, 4 Mar 2024 10:00:00 +0000", "[PATCH] mm: fix use-after-free in foo",
                    null, null, patchBody("foo_charge() frees the page and then reads it: a use-after-free.\n\n"
                            + "Fixes: 123456789abc (\"mm: add foo\")\nCc: stable@vger.kernel.org", "mm/memcontrol.c")));
            run.send("cgroups", mail("b@x", "R One <r1@example.org>", "Mon, 4 Mar 2024 11:00:00 +0000",
                    "Re: [PATCH] mm: fix use-after-free in foo", "a@x", "a@x",
                    "> foo\nReviewed-by: R One <r1@example.org>\n"));

            assertThat(run.history()).anySatisfy(r -> {
                assertThat(r.key()).isEqualTo("b@x");
                assertThat(r.value()).as("tombstone of the re-homed thread").isNull();
            });
            ThreadClassified topic = run.topics().get("a@x");
            assertThat(run.topics()).containsOnlyKeys("a@x");
            assertThat(topic.messageCount()).isEqualTo(4);
            assertThat(topic.rootMissing()).isFalse();
            assertThat(topic.type().value()).isEqualTo("patch");
            assertThat(topic.severity().value()).isEqualTo("high");
            assertThat(topic.security().value()).isEqualTo("yes");
            assertThat(topic.fixStatus().value()).isEqualTo("reviewed");
            assertThat(topic.fixStatus().evidenceMessageIds()).contains("b@x");
            assertThat(topic.summary().problem().sourceMessageId()).isEqualTo("a@x");
            assertThat(topic.summary().impactUrgency().text()).contains("Cc: stable");

            long versions = run.history().stream().filter(r -> r.key().equals("a@x")).map(r -> r.value().version())
                    .distinct().count();
            // re-delivery of every mail publishes nothing new
            run.send("cgroups", mail("a@x", DEV, "Mon, 4 Mar 2024 10:00:00 +0000", "[PATCH] mm: fix use-after-free in foo",
                    null, null, patchBody("dup", "mm/memcontrol.c")));
            assertThat(run.history().stream().filter(r -> r.key().equals("a@x")).count()).isEqualTo(versions);
        }
    }

    @Test
    void aRevisionPostedAsReplyIsItsOwnTopicLinkedToThePreviousOne() {
        try (TopologyRun run = new TopologyRun(Optional.empty())) {
            run.send("cgroups", mail("v1-0@x", DEV, "Mon, 4 Mar 2024 10:00:00 +0000", "[PATCH 0/1] mm: add memory.foo knob",
                    null, null, "This series introduces a new interface file memory.foo.\n"));
            run.send("cgroups", mail("v1-1@x", DEV, "Mon, 4 Mar 2024 10:00:01 +0000", "[PATCH 1/1] mm: add memory.foo knob",
                    "v1-0@x", "v1-0@x", patchBody("Add memory.foo.", "mm/memcontrol.c")));
            run.send("cgroups", mail("v2-0@x", DEV, "Tue, 5 Mar 2024 10:00:00 +0000", "[PATCH v2 0/1] mm: add memory.foo knob",
                    "v1-0@x", "v1-0@x", "This series introduces a new interface file memory.foo.\n\nChanges since v1: docs\n"));
            run.send("cgroups", mail("v2-1@x", DEV, "Tue, 5 Mar 2024 10:00:01 +0000", "[PATCH v2 1/1] mm: add memory.foo knob",
                    "v2-0@x", "v1-0@x v2-0@x", patchBody("Add memory.foo.", "mm/memcontrol.c")));
            run.send("cgroups", mail("ack@x", MAINTAINER, "Wed, 6 Mar 2024 10:00:00 +0000",
                    "Re: [PATCH v2 0/1] mm: add memory.foo knob", "v2-0@x", "v1-0@x v2-0@x",
                    "Applied to cgroup/for-6.9, thanks.\n"));

            var topics = run.topics();
            assertThat(topics).containsOnlyKeys("v1-0@x", "v2-0@x");
            ThreadClassified v1 = topics.get("v1-0@x");
            ThreadClassified v2 = topics.get("v2-0@x");
            assertThat(v1.messageCount()).isEqualTo(2);
            assertThat(v2.messageCount()).isEqualTo(3);
            assertThat(v1.series().successors()).extracting(ThreadClassified.RevisionLink::threadId).containsExactly("v2-0@x");
            assertThat(v2.series().predecessors()).extracting(ThreadClassified.RevisionLink::threadId).containsExactly("v1-0@x");
            assertThat(v1.fixStatus().value()).isEqualTo("superseded");
            assertThat(v2.fixStatus().value()).isEqualTo("applied");
            assertThat(v2.fixStatus().evidenceMessageIds()).containsExactly("ack@x");
            assertThat(v2.series().version()).isEqualTo(2);
            assertThat(v2.series().patchCount()).isEqualTo(1);
        }
    }

    @Test
    void botOnlyThreadsAreNotTopics() {
        try (TopologyRun run = new TopologyRun(Optional.empty())) {
            run.send("cgroups", mail("lkp@x", "kernel test robot <lkp@intel.com>", "Mon, 4 Mar 2024 10:00:00 +0000",
                    "[tj-cgroup:for-next] BUILD SUCCESS 0123456789abcdef", null, null,
                    "tree/branch: https://git.kernel.org/pub/scm/linux/kernel/git/tj/cgroup.git for-next\n"));
            assertThat(run.topics()).isEmpty();
            assertThat(run.classifiedDlq().isEmpty()).isTrue();
        }
    }
}
