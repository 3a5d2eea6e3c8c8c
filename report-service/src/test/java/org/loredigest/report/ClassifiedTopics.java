package org.loredigest.report;

import java.time.Instant;
import java.util.List;
import org.loredigest.events.ThreadClassified;
import org.loredigest.events.ThreadClassified.Label;
import org.loredigest.events.ThreadClassified.MessageActivity;
import org.loredigest.events.ThreadClassified.Participant;
import org.loredigest.events.ThreadClassified.SubsystemLabel;
import org.loredigest.events.ThreadClassified.Summary;
import org.loredigest.events.ThreadClassified.SummaryField;

/** Classified-thread records for report-service tests. */
final class ClassifiedTopics {

    private ClassifiedTopics() {
    }

    static ThreadClassified topic(String id, String list, String title, String type, String severity, String fixStatus,
                                  Instant first, long version) {
        return topic(id, list, title, type, severity, fixStatus, first, version,
                new Participant("Dev One", "dev@example.org", false, 2),
                SummaryField.of("<img src=x onerror=alert(1)> refcount underflow", id, "commit message"));
    }

    /** A topic whose author and problem statement come from the mail too, e.g. hostile ones. */
    static ThreadClassified topic(String id, String list, String title, String type, String severity, String fixStatus,
                                  Instant first, long version, Participant author, SummaryField problem) {
        Summary summary = new Summary("extractive-v1", SummaryField.none(), problem, SummaryField.none(), SummaryField.none(),
                SummaryField.of("take the reference before unlocking", id, "commit message"), SummaryField.none(),
                SummaryField.none(), SummaryField.none(), SummaryField.none(), SummaryField.none(), SummaryField.none(),
                SummaryField.none());
        return new ThreadClassified(id, version, first, List.of(list), List.of(list + ".vger.kernel.org"), title,
                "[PATCH] " + title, id, false, "PATCH",
                new ThreadClassified.LoreLink("https://lore.kernel.org", list, id, "https://lore.kernel.org/" + list + "/" + id + "/",
                        "https://lore.kernel.org/" + list + "/" + id + "/T/"),
                author, List.of(author), 2, 0, first, first.plusSeconds(3600), null,
                new Label(type, List.of("test"), List.of(id)), new Label(severity, List.of("test"), List.of(id)),
                new Label("no", List.of(), List.of()),
                new Label(fixStatus, List.of("test"), "applied".equals(fixStatus) ? List.of("applied-" + id) : List.of()),
                new SubsystemLabel(List.of("MEMORY MANAGEMENT"), List.of("mm/memcontrol.c"), List.of(id)), summary,
                null, List.of(), List.of(), List.of(), List.of(), List.of(
                        new MessageActivity(id, first, author.email(), false, false, MessageActivity.POSTING, 1, null, null, null),
                        new MessageActivity("re-" + id, first.plusSeconds(3600), "reviewer@example.org", false, false,
                                MessageActivity.REPLY, 0, null, null, id)));
    }
}
