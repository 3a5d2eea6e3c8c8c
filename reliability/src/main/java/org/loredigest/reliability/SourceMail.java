package org.loredigest.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.loredigest.mail.mbox.MboxMessage;
import org.loredigest.mail.mbox.MboxReader;

/**
 * What the source archives hold, read here from the mbox files themselves and not through the product's parser: for
 * every Message-ID, how many different mails carry it. A mail is the same mail wherever it was fetched when its
 * From, Date, Subject and body agree (a cross-post to two lists is one mail); two different mails with one
 * Message-ID are two. The read model must hold exactly that many documents per Message-ID.
 *
 * @param messages              messages in the mbox files, copies included
 * @param documentsPerMessageId Message-ID (as between its angle brackets) → different mails carrying it; mails
 *                              without a Message-ID are counted under {@link #NO_MESSAGE_ID}
 */
record SourceMail(long messages, Map<String, Integer> documentsPerMessageId) {

    static final String NO_MESSAGE_ID = "(no Message-ID)";

    /** Mail the read model must store: one per different mail. */
    long expectedDocuments() {
        return documentsPerMessageId.values().stream().mapToLong(Integer::longValue).sum();
    }

    static SourceMail of(List<Path> mboxes) throws IOException {
        Map<String, Set<String>> contents = new HashMap<>();
        long messages = 0;
        for (Path mbox : mboxes) {
            try (InputStream in = Files.newInputStream(mbox)) {
                for (Iterator<MboxMessage> it = new MboxReader(in); it.hasNext(); ) {
                    byte[] raw = it.next().raw();
                    if (raw.length == 0) {
                        continue;
                    }
                    messages++;
                    String text = new String(raw, StandardCharsets.UTF_8).replace("\r", "");
                    int split = text.indexOf("\n\n");
                    String headers = split < 0 ? text : text.substring(0, split);
                    String body = split < 0 ? "" : text.substring(split + 2).stripTrailing();
                    String id = messageId(header(headers, "message-id"));
                    String content = header(headers, "from") + "\n" + header(headers, "date") + "\n"
                            + header(headers, "subject") + "\n" + body;
                    contents.computeIfAbsent(id == null ? NO_MESSAGE_ID : id, k -> new HashSet<>()).add(sha256(content));
                }
            }
        }
        Map<String, Integer> perId = new HashMap<>();
        contents.forEach((id, distinct) -> perId.put(id, distinct.size()));
        return new SourceMail(messages, perId);
    }

    /** The first header of that name, unfolded and with runs of white space as one space; "" when absent. */
    static String header(String headers, String name) {
        String[] lines = headers.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.length() > name.length() && line.charAt(name.length()) == ':'
                    && line.regionMatches(true, 0, name, 0, name.length())) {
                StringBuilder value = new StringBuilder(line.substring(name.length() + 1));
                while (i + 1 < lines.length && !lines[i + 1].isEmpty()
                        && (lines[i + 1].charAt(0) == ' ' || lines[i + 1].charAt(0) == '\t')) {
                    value.append(' ').append(lines[++i]);
                }
                return value.toString().replaceAll("\\s+", " ").strip();
            }
        }
        return "";
    }

    /** The id between the first pair of angle brackets, else the bare value; null when there is none. */
    static String messageId(String value) {
        int open = value.indexOf('<');
        int close = open < 0 ? -1 : value.indexOf('>', open);
        String id = close > open ? value.substring(open + 1, close) : value;
        id = id.strip();
        return id.isEmpty() ? null : id;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
