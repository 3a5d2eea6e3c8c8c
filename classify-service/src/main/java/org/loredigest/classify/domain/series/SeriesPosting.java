package org.loredigest.classify.domain.series;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.loredigest.classify.domain.mail.ThreadMessage;
import org.loredigest.classify.domain.thread.BotReports;
import org.loredigest.classify.domain.thread.ThreadView;
import org.loredigest.events.ThreadClassified;
import org.loredigest.mail.trailer.Trailer;
import org.loredigest.mail.trailer.TrailerType;

/**
 * What a series revision shows about its ancestry, for linking revisions whose title changed: the author, the
 * b4 change-id, the touched files, the title words and the Message-IDs its cover letter or changelog link to
 * ("v1: https://lore.kernel.org/r/..."). Also what it closes: Message-IDs named by its {@code Closes:}/{@code Link:}
 * trailers (bug reports it fixes).
 *
 * @param fixStatus the revision's own fix status (what a report it closes inherits)
 */
public record SeriesPosting(String threadId, String rootMessageId, String titleKey, String title, String authorEmail,
                            int version, boolean rfc, String changeId, Instant postedAt, List<String> files,
                            List<String> linkedMessageIds, List<String> closes, String fixStatus) {

    /** lore and patchwork style links: the Message-ID is the path segment after the list name or "r". */
    private static final Pattern LORE_LINK = Pattern.compile(
            "https?://(?:lore\\.kernel\\.org|lkml\\.kernel\\.org|patch\\.msgid\\.link)/(?:[A-Za-z0-9._-]+/)?([^/\\s<>\"]+@[^/\\s<>\"]+)");

    /** syzbot dashboard links: {@code https://syzkaller.appspot.com/bug?extid=<id>}. */
    private static final Pattern SYZBOT_LINK = Pattern.compile("https?://syzkaller\\.appspot\\.com/bug\\?extid=([0-9a-fA-F]+)");

    public SeriesPosting {
        files = List.copyOf(files);
        linkedMessageIds = List.copyOf(linkedMessageIds);
        closes = List.copyOf(closes);
    }

    /** The posting of a topic draft, or null when the thread holds no series revision. */
    public static SeriesPosting of(ThreadView view, ThreadClassified record, String titleKey) {
        ThreadClassified.SeriesInfo series = record.series();
        if (series == null || view.rootMissing()) {
            return null;
        }
        ThreadMessage lead = view.first();
        Set<String> files = new TreeSet<>();
        Set<String> linked = new LinkedHashSet<>();
        Set<String> closes = new LinkedHashSet<>();
        for (ThreadMessage m : view.messages()) {
            if (!m.seriesMember() || !m.fromEmail().equals(lead.fromEmail())) {
                continue; // only the author's postings speak for the revision
            }
            m.files().forEach(f -> files.add(f.path()));
            linked.addAll(loreIds(m.text()));
            linked.addAll(loreIds(m.changelog()));
            for (Trailer t : m.trailers()) {
                if (t.type() == TrailerType.CLOSES || t.type() == TrailerType.LINK) {
                    closes.addAll(loreIds(t.value()));
                    closes.addAll(syzbotKeys(t.value()));
                } else if (t.type() == TrailerType.REPORTED_BY || t.type() == TrailerType.REPORTED_AND_TESTED_BY) {
                    String extId = BotReports.syzbotExtId(t.personEmail());
                    if (extId != null) {
                        closes.add(syzbotKey(extId));
                    }
                }
            }
        }
        linked.removeAll(closes); // a Link: trailer names a report or discussion, not the previous revision
        return new SeriesPosting(record.threadId(), record.rootMessageId(), titleKey, record.title(), lead.fromEmail(),
                series.version(), series.rfc(), series.changeId(), record.firstActivity(), new ArrayList<>(files),
                new ArrayList<>(linked), new ArrayList<>(closes), record.fixStatus().value());
    }

    /** Where a syzbot report and the patches that fix it meet: its bug id, from the sender or a dashboard link. */
    public static String syzbotKey(String extId) {
        return "syzbot:" + extId.toLowerCase(java.util.Locale.ROOT);
    }

    static List<String> syzbotKeys(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = SYZBOT_LINK.matcher(text == null ? "" : text);
        while (m.find()) {
            out.add(syzbotKey(m.group(1)));
        }
        return out;
    }

    static List<String> loreIds(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        Matcher m = LORE_LINK.matcher(text);
        while (m.find()) {
            String id = java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
            out.add(id.replaceAll("[.,;:)>\\]]+$", ""));
        }
        return out;
    }
}
