package org.loredigest.report.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loredigest.events.ThreadClassified;
import org.loredigest.events.ThreadClassified.Label;
import org.loredigest.events.ThreadClassified.MessageActivity;
import org.loredigest.events.ThreadClassified.Participant;
import org.loredigest.events.ThreadClassified.TrailerRef;

/** What a period's digest reads from a topic's timeline: only the period's mail, trailers and status changes. */
class PeriodActivitiesTest {

    static final Instant START = Instant.parse("2024-03-04T00:00:00Z");
    static final Instant END = Instant.parse("2024-03-11T00:00:00Z");

    @Test
    void aThreadStartedEarlierIsOngoingWithOnlyThePeriodsMail() {
        ThreadClassified t = topic("v1@x", "proposed", List.of(),
                at("v1@x", "2024-02-20T10:00:00Z", "alice@x", MessageActivity.POSTING, null, null),
                at("r1@x", "2024-02-21T10:00:00Z", "bob@x", MessageActivity.REVIEW, null, null),
                at("r2@x", "2024-03-05T10:00:00Z", "carol@x", MessageActivity.REPLY, MessageActivity.QUESTION,
                        "Why not take the lock in the caller instead?"),
                at("r3@x", "2024-03-06T10:00:00Z", "dave@x", MessageActivity.REVIEW, MessageActivity.NAK,
                        "NAK, this breaks the memcg accounting of kmem."),
                at("r4@x", "2024-03-12T10:00:00Z", "bob@x", MessageActivity.REPLY, null, null));

        PeriodActivity a = PeriodActivities.of(t, "linux-mm", START, END, Map.of());

        assertThat(a.status()).isEqualTo(PeriodActivity.ONGOING);
        assertThat(a.messages()).isEqualTo(2);
        assertThat(a.people()).containsExactly("Carol <carol@x>", "dave@x");
        assertThat(a.highlight().tone()).isEqualTo("nak");
        assertThat(a.highlight().url()).isEqualTo("https://lore.kernel.org/linux-mm/r3@x/");
    }

    @Test
    void trailersAndEvidenceDatedInThePeriodShowAsGainedAndConcluded() {
        List<TrailerRef> trailers = List.of(
                new TrailerRef("Reviewed-by", "Bob <bob@x>", "bob@x", "r1@x", true),
                new TrailerRef("Acked-by", "Carol <carol@x>", "carol@x", "r2@x", true));
        ThreadClassified t = topic("p@x", "applied", trailers,
                at("p@x", "2024-03-01T10:00:00Z", "alice@x", MessageActivity.POSTING, null, null),
                at("r1@x", "2024-03-02T10:00:00Z", "bob@x", MessageActivity.REVIEW, null, null),
                at("r2@x", "2024-03-05T10:00:00Z", "carol@x", MessageActivity.REPLY, MessageActivity.ACK, null));

        PeriodActivity a = PeriodActivities.of(t, "linux-mm", START, END,
                Map.of("notice@x", Instant.parse("2024-03-07T00:00:00Z")));

        assertThat(a.trailers()).extracting(PeriodActivity.TrailerGained::type).containsExactly("Acked-by");
        assertThat(a.statusChanges()).extracting(PeriodActivity.StatusChange::to).containsExactly("applied");
        assertThat(a.statusChanges().get(0).evidenceUrl()).isEqualTo("https://lore.kernel.org/linux-mm/notice@x/");
        assertThat(a.status()).isEqualTo(PeriodActivity.CONCLUDED);
    }

    @Test
    void aThreadWithoutMailInThePeriodIsNotActive() {
        ThreadClassified t = topic("old@x", "none", List.of(),
                at("old@x", "2024-02-01T10:00:00Z", "alice@x", MessageActivity.POSTING, null, null),
                at("late@x", "2024-03-20T10:00:00Z", "bob@x", MessageActivity.REPLY, null, null));
        assertThat(PeriodActivities.of(t, "linux-mm", START, END, Map.of()).active()).isFalse();
    }

    @Test
    void repeatedReportsOfOneCrashAreOneEntryWithOccurrences() {
        DigestTopic first = DigestTopics.from(bot("c1@x", "KASAN: use-after-free Read in foo"), START, END, Map.of());
        DigestTopic second = DigestTopics.from(bot("c2@x", "KASAN: use-after-free Read in foo (2)"), START, END, Map.of());
        List<DigestTopic> ranked = DigestAssembler.rank(List.of(first, second));
        assertThat(ranked).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("c2@x");
            assertThat(t.occurrences()).extracting(DigestTopic.Link::threadId).containsExactly("c1@x");
            assertThat(t.activity().messages()).isEqualTo(2);
            assertThat(t.reportedBy()).isEqualTo("syzbot <syzbot+1234@syzkaller.appspotmail.com>");
        });
    }

    @Test
    void aReplyFiledApartIsShownWithTheTopicItAnswers() {
        ThreadClassified series = topic("v6@x", "proposed", List.of(),
                at("v6@x", "2024-03-05T10:00:00Z", "alice@x", MessageActivity.POSTING, null, null),
                at("r1@x", "2024-03-05T11:00:00Z", "bob@x", MessageActivity.REPLY, null, null));
        MessageActivity orphan = new MessageActivity("o@x", Instant.parse("2024-03-06T10:00:00Z"), "carol@x", false, false,
                MessageActivity.REPLY, 0, null, null, "r1@x");
        ThreadClassified apart = topic("o@x", "none", List.of(), orphan);
        List<DigestTopic> ranked = DigestAssembler.rank(DigestTopics.from(List.of(series, apart), START, END, Map.of()));
        assertThat(ranked).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("v6@x");
            assertThat(t.activity().threads()).containsExactlyInAnyOrder("v6@x", "o@x");
            assertThat(t.activity().messages()).isEqualTo(3);
        });
    }

    static MessageActivity at(String id, String date, String email, String role, String tone, String quote) {
        return new MessageActivity(id, Instant.parse(date), email, false, false, role, 0, tone, quote, null);
    }

    static ThreadClassified topic(String id, String fixStatus, List<TrailerRef> trailers, MessageActivity... timeline) {
        List<Participant> people = List.of(new Participant("Alice", "alice@x", false, 1),
                new Participant("Carol", "carol@x", false, 1), new Participant("", "dave@x", false, 1));
        Label fix = new Label(fixStatus, List.of("test"), "applied".equals(fixStatus) ? List.of("notice@x") : List.of());
        return new ThreadClassified(id, 1, timeline[0].date(), List.of("linux-mm"), List.of(), "mm: title", "[PATCH] mm: title",
                id, false, "PATCH", null, people.get(0), people, timeline.length, 0, timeline[0].date(),
                timeline[timeline.length - 1].date(), null, new Label("patch", List.of(), List.of()),
                new Label("medium", List.of(), List.of()), new Label("no", List.of(), List.of()), fix, null, null, null,
                trailers, List.of(), List.of(), List.of(), List.of(timeline));
    }

    static ThreadClassified bot(String id, String title) {
        Participant syzbot = new Participant("syzbot", "syzbot+1234@syzkaller.appspotmail.com", true, 1);
        Instant when = Instant.parse("2024-03-05T10:00:00Z");
        return new ThreadClassified(id, 1, when, List.of("linux-mm"), List.of(), title, "[syzbot] " + title, id, false,
                "BOT_REPORT", null, syzbot, List.of(syzbot), 1, 1, when, when, null, new Label("bug", List.of(), List.of()),
                new Label("high", List.of(), List.of()), new Label("no", List.of(), List.of()),
                new Label("none", List.of(), List.of()), null, null, null, List.of(), List.of(), List.of(), List.of(),
                List.of(new MessageActivity(id, when, syzbot.email(), true, false, MessageActivity.REPORT, 0, null, null, null)));
    }
}
