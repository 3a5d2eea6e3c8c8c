package org.loredigest.ingest.source.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The entries of a public-inbox Atom feed ({@code new.atom} or {@code ?q=...&x=A}), newest first. public-inbox links
 * each entry to {@code INBOX/MESSAGE-ID/}; the entry id is a UUID, so the Message-ID is taken from the link.
 */
final class AtomFeed {

    /**
     * @param messageId the Message-ID without angle brackets
     * @param updated   the entry's {@code updated} text
     */
    record Entry(String messageId, String updated) {
    }

    private AtomFeed() {
    }

    static List<Entry> parse(InputStream body, String inboxUrl) throws IOException {
        Document feed = Jsoup.parse(body, null, inboxUrl, Parser.xmlParser());
        List<Entry> entries = new ArrayList<>();
        for (Element entry : feed.select("entry")) {
            Element link = entry.selectFirst("link[href]");
            if (link == null) {
                continue;
            }
            String id = MessageIdPaths.fromLink(link.attr("href"), inboxUrl);
            if (id != null) {
                Element updated = entry.selectFirst("updated");
                entries.add(new Entry(id, updated == null ? "" : updated.text()));
            }
        }
        return entries;
    }
}
