package org.loredigest.report.digest;

import java.time.Instant;
import java.util.List;
import org.loredigest.report.elasticsearch.DigestStore.StoredDigest;

/** An Atom (RFC 4287) feed of stored digests; every text is XML-escaped. */
public final class AtomFeed {

    public String render(List<StoredDigest> digests, String baseUrl, DigestLanguage language) {
        String title = language.labels().get("title");
        Instant updated = digests.stream().map(StoredDigest::generatedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
                .append("  <title>").append(Xml.escape(title)).append("</title>\n")
                .append("  <id>").append(Xml.escape(baseUrl)).append("</id>\n")
                .append("  <link rel=\"self\" href=\"").append(Xml.escape(baseUrl + "/feed.atom?lang=" + language.code())).append("\"/>\n")
                .append("  <updated>").append(updated).append("</updated>\n");
        for (StoredDigest d : digests) {
            String link = baseUrl + "/" + d.id() + "?format=html&lang=" + language.code();
            String entryTitle = title + " " + d.from() + " – " + d.to() + " (" + (d.lists().isEmpty() ? "all" : String.join(", ", d.lists())) + ")";
            xml.append("  <entry>\n")
                    .append("    <title>").append(Xml.escape(entryTitle)).append("</title>\n")
                    .append("    <id>").append(Xml.escape(baseUrl + "/" + d.id())).append("</id>\n")
                    .append("    <link href=\"").append(Xml.escape(link)).append("\"/>\n")
                    .append("    <updated>").append(d.generatedAt()).append("</updated>\n")
                    .append("    <summary>").append(d.topics()).append(" topics, ").append(d.security())
                    .append(" security-related</summary>\n")
                    .append("  </entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }
}
