package org.loredigest.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An index of mbox files made here, without the product's code, to check the digest against: mboxrd framing, unfolded
 * headers, threads as the connected components of Message-ID, In-Reply-To and References (ids compared in lower
 * case), dates from the Date header.
 */
final class MboxThreads {

    /** One mail: its id, when it was written, who sent it and its subject. */
    record Mail(String messageId, Instant date, String from, String subject) {
        boolean fromBot() {
            String f = from.toLowerCase(Locale.ROOT);
            return f.contains("lkp@intel.com") || f.contains("syzbot") || f.contains("pr-tracker-bot")
                    || f.contains("patchwork-bot");
        }
    }

    private static final Pattern ID = Pattern.compile("<([^<>\\s]+)>");
    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder().parseCaseInsensitive().parseLenient()
            .appendPattern("[EEE, ]d MMM yyyy H:mm[:ss] ")
            .optionalStart().appendOffset("+HHMM", "+0000").optionalEnd()
            .optionalStart().appendZoneText(java.time.format.TextStyle.SHORT).optionalEnd()
            .toFormatter(Locale.ENGLISH);

    private final Map<String, Mail> mails = new LinkedHashMap<>();
    private final Map<String, String> parent = new HashMap<>();

    static MboxThreads read(List<Path> mboxes) throws IOException {
        MboxThreads index = new MboxThreads();
        for (Path mbox : mboxes) {
            for (List<String> headers : headerBlocks(mbox)) {
                index.add(headers);
            }
        }
        return index;
    }

    /** Every thread (its representative id) with its mails, in file order. */
    Map<String, List<Mail>> threads() {
        Map<String, List<Mail>> out = new LinkedHashMap<>();
        mails.values().forEach(m -> out.computeIfAbsent(find(m.messageId()), k -> new ArrayList<>()).add(m));
        return out;
    }

    /** The thread a Message-ID (of a mail, or one only referenced) belongs to, or null when never seen. */
    String threadOf(String messageId) {
        String id = messageId.toLowerCase(Locale.ROOT);
        return parent.containsKey(id) ? find(id) : null;
    }

    private void add(List<String> headers) {
        String messageId = first(header(headers, "message-id"));
        if (messageId == null || mails.containsKey(messageId)) {
            return; // without an id nothing threads to it; a repeated id is the same mail again
        }
        mails.put(messageId, new Mail(messageId, date(header(headers, "date")), header(headers, "from"),
                header(headers, "subject")));
        union(messageId, messageId);
        ids(header(headers, "in-reply-to")).forEach(p -> union(messageId, p));
        ids(header(headers, "references")).forEach(p -> union(messageId, p));
    }

    private static List<List<String>> headerBlocks(Path mbox) throws IOException {
        List<List<String>> out = new ArrayList<>();
        List<String> current = null;
        boolean inHeaders = false;
        boolean previousBlank = true;
        for (String line : Files.readAllLines(mbox, StandardCharsets.ISO_8859_1)) {
            if (previousBlank && line.startsWith("From ")) {
                current = new ArrayList<>();
                out.add(current);
                inHeaders = true;
            } else if (inHeaders) {
                if (line.isEmpty()) {
                    inHeaders = false;
                } else if ((line.startsWith(" ") || line.startsWith("\t")) && !current.isEmpty()) {
                    current.set(current.size() - 1, current.get(current.size() - 1) + " " + line.strip());
                } else {
                    current.add(line);
                }
            }
            previousBlank = line.isEmpty() || current == null;
        }
        return out;
    }

    private static String header(List<String> headers, String name) {
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon > 0 && h.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return h.substring(colon + 1).strip();
            }
        }
        return "";
    }

    private static List<String> ids(String value) {
        List<String> out = new ArrayList<>();
        Matcher m = ID.matcher(value);
        while (m.find()) {
            out.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static String first(String value) {
        List<String> ids = ids(value);
        return ids.isEmpty() ? null : ids.get(0);
    }

    static Instant date(String value) {
        String text = value.replaceAll("\\([^)]*\\)", " ").replaceAll("\\s+", " ").strip();
        try {
            return ZonedDateTime.parse(text, DATE).toInstant();
        } catch (DateTimeParseException e) {
            return null; // counted by the test as undated
        }
    }

    private void union(String a, String b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        String ra = find(a);
        String rb = find(b);
        if (!ra.equals(rb)) {
            parent.put(rb, ra);
        }
    }

    private String find(String id) {
        String root = id;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        parent.put(id, root);
        return root;
    }
}
