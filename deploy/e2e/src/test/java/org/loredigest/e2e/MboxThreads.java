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
 * headers, dates from the Date header, and topics by the rules of docs/mail-model.md ("Topics"), written again here:
 * a mail hangs below the nearest of its References/In-Reply-To ids that is a mail of the archive (ids compared in
 * lower case); a mail with none of them in the archive heads a thread named by its oldest reference (or by itself);
 * a patch posting of another revision than the posting it answers starts a thread of its own.
 */
final class MboxThreads {

    /** One mail: its id, when it was written, who sent it, its subject and its ancestors (oldest first). */
    record Mail(String messageId, Instant date, String from, String subject, List<String> references) {
        /** A patch posting ({@code [PATCH…]} or {@code [RFC…]}, not a reply): its revision, else null. */
        String revision() {
            Matcher m = POSTING.matcher(subject);
            if (!m.find()) {
                return null;
            }
            Matcher v = VERSION.matcher(m.group(1));
            boolean explicit = v.find();
            boolean rfc = m.group(1).toUpperCase(Locale.ROOT).contains("RFC");
            return (explicit ? v.group(1) : "1") + (rfc && explicit ? " rfc" : "");
        }

        boolean fromBot() {
            String f = from.toLowerCase(Locale.ROOT);
            return f.contains("lkp@intel.com") || f.contains("syzbot") || f.contains("pr-tracker-bot")
                    || f.contains("patchwork-bot");
        }
    }

    private static final Pattern ID = Pattern.compile("<([^<>\\s]+)>");
    private static final Pattern POSTING = Pattern.compile("^\\s*\\[((?:PATCH|RFC)[^\\]]*)\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern VERSION = Pattern.compile("\\bv(\\d+)\\b", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder().parseCaseInsensitive().parseLenient()
            .appendPattern("[EEE, ]d MMM yyyy H:mm[:ss] ")
            .optionalStart().appendOffset("+HHMM", "+0000").optionalEnd()
            .optionalStart().appendZoneText(java.time.format.TextStyle.SHORT).optionalEnd()
            .toFormatter(Locale.ENGLISH);

    private final Map<String, Mail> mails = new LinkedHashMap<>();
    private final Map<String, String> threadKeys = new HashMap<>();

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
        mails.values().forEach(m -> out.computeIfAbsent(threadKey(m), k -> new ArrayList<>()).add(m));
        return out;
    }

    /** The thread a Message-ID (of a mail, or one only referenced) belongs to, or null when never seen. */
    String threadOf(String messageId) {
        String id = messageId.toLowerCase(Locale.ROOT);
        Mail mail = mails.get(id);
        if (mail != null) {
            return threadKey(mail);
        }
        // a thread named after a mail that is not in the archive
        return mails.values().stream().anyMatch(m -> threadKey(m).equals(id)) ? id : null;
    }

    /** Its component, or the revision posted as a reply that heads its own thread above it. */
    private String threadKey(Mail m) {
        String known = threadKeys.get(m.messageId());
        if (known != null) {
            return known;
        }
        Mail above = parentOf(m);
        String key;
        if (above == null) {
            key = m.references().isEmpty() ? m.messageId() : m.references().get(0);
        } else {
            Mail posting = above;
            while (posting != null && posting.revision() == null) {
                posting = parentOf(posting);
            }
            key = m.revision() != null && posting != null && !m.revision().equals(posting.revision())
                    ? m.messageId() : threadKey(above);
        }
        threadKeys.put(m.messageId(), key);
        return key;
    }

    /** The nearest ancestor that is a mail of the index. */
    private Mail parentOf(Mail m) {
        for (int i = m.references().size() - 1; i >= 0; i--) {
            Mail p = mails.get(m.references().get(i));
            if (p != null && p != m) {
                return p;
            }
        }
        return null;
    }

    private void add(List<String> headers) {
        String messageId = first(header(headers, "message-id"));
        if (messageId == null || mails.containsKey(messageId)) {
            return; // without an id nothing threads to it; a repeated id is the same mail again
        }
        List<String> references = new ArrayList<>(ids(header(headers, "references")));
        ids(header(headers, "in-reply-to")).stream().limit(1).filter(p -> !references.contains(p)).forEach(references::add);
        references.remove(messageId);
        mails.put(messageId, new Mail(messageId, date(header(headers, "date")), header(headers, "from"),
                header(headers, "subject"), references));
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
}
