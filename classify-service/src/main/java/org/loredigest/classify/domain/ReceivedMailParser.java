package org.loredigest.classify.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.dom.Header;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.field.MailboxListField;
import org.apache.james.mime4j.dom.field.UnstructuredField;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.loredigest.events.MailParsed;
import org.loredigest.events.MailReceived;
import org.loredigest.events.MessageKey;

/**
 * Turns a received mail into its parsed header facts. Oddities (no Message-ID, an unusable Date) are handled and
 * listed in {@link MailParsed#problems()}; only input without any header section is refused.
 */
public final class ReceivedMailParser {

    public MailParsed parse(MailReceived mail) throws UnparseableMailException {
        byte[] raw = mail.raw();
        if (raw.length == 0) {
            throw new UnparseableMailException("empty message");
        }
        if (!startsWithHeaderField(raw)) {
            throw new UnparseableMailException("no header section: the first line is not a header field");
        }
        Header header;
        try {
            DefaultMessageBuilder builder = new DefaultMessageBuilder();
            builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
            builder.setFieldParser(LenientFieldParser.getParser());
            header = builder.parseHeader(new ByteArrayInputStream(raw));
        } catch (IOException | RuntimeException e) {
            throw new UnparseableMailException("header section could not be read: " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();

        String messageId = MessageKey.normalize(body(header, "Message-ID"));
        boolean messageIdMissing = messageId == null;
        if (messageIdMissing) {
            messageId = mail.key();
            problems.add("no Message-ID: using content hash " + messageId);
        }

        Field dateField = header.getField("Date");
        Instant date = dateField == null ? null : MailDates.parse(dateField.getBody()).orElse(null);
        boolean dateFromHeader = date != null;
        if (!dateFromHeader) {
            problems.add(dateField == null ? "no Date header: using received time"
                    : "unusable Date '" + dateField.getBody().strip() + "': using received time");
            date = mail.receivedAt();
        }

        String fromName = "";
        String fromEmail = "";
        if (header.getField("From") instanceof MailboxListField from && from.getMailboxList() != null
                && !from.getMailboxList().isEmpty()) {
            Mailbox sender = from.getMailboxList().get(0);
            fromName = sender.getName() == null ? "" : sender.getName();
            fromEmail = sender.getAddress().toLowerCase(Locale.ROOT);
        } else {
            problems.add("no usable From header");
        }

        String subject = header.getField("Subject") instanceof UnstructuredField s ? s.getValue().strip() : "";

        List<String> listIds = new ArrayList<>();
        addListId(listIds, body(header, "List-Id"));
        addListId(listIds, body(header, "X-Mailing-List"));

        String inReplyTo = MessageKey.normalize(body(header, "In-Reply-To"));
        List<String> references = ids(body(header, "References"));

        return new MailParsed(mail.key(), messageId, messageIdMissing, mail.list(), listIds, subject, fromName,
                fromEmail, date, dateFromHeader, inReplyTo, references, mail.source(), mail.sourcePosition(),
                mail.receivedAt(), raw.length, problems);
    }

    /** {@code <cgroups.vger.kernel.org>} and {@code cgroups@vger.kernel.org} both become {@code cgroups.vger.kernel.org}. */
    static void addListId(List<String> listIds, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        String id = value.strip();
        int open = id.lastIndexOf('<');
        int close = id.lastIndexOf('>');
        if (open >= 0 && close > open) {
            id = id.substring(open + 1, close);
        }
        id = id.strip().replace('@', '.').toLowerCase(Locale.ROOT);
        if (!id.isEmpty() && !listIds.contains(id)) {
            listIds.add(id);
        }
    }

    static List<String> ids(String references) {
        if (references == null) {
            return List.of();
        }
        return Arrays.stream(references.split("(?<=>)|\\s+"))
                .map(MessageKey::normalize)
                .filter(id -> id != null && !id.isEmpty())
                .distinct()
                .toList();
    }

    private static String body(Header header, String name) {
        Field field = header.getField(name);
        return field == null ? null : field.getBody();
    }

    private static boolean startsWithHeaderField(byte[] raw) {
        for (int i = 0; i < raw.length && i < 1000; i++) {
            byte b = raw[i];
            if (b == ':') {
                return i > 0;
            }
            if (b <= ' ' || b >= 127) {
                return false;
            }
        }
        return false;
    }
}
