package org.loredigest.classify.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.jboss.logging.Logger;
import org.loredigest.classify.domain.mail.MailMapping;
import org.loredigest.classify.domain.mail.ThreadMessage;
import org.loredigest.classify.domain.thread.ThreadBook;
import org.loredigest.events.DeadLetter;
import org.loredigest.events.MailHeaders;
import org.loredigest.events.MailParsed;
import org.loredigest.events.MessageKey;
import org.loredigest.events.Topics;
import org.loredigest.mail.MailParser;
import org.loredigest.mail.ParsedMail;

/**
 * received → parsed, per message. Input that is not mail (or that the parser cannot handle) becomes a dead letter
 * with the reason; the stream goes on.
 */
final class ParseStep implements Processor<String, byte[], String, Routed<ParseStep.Parsed>> {

    static final String STAGE = "classify-service/parse";
    private static final Logger LOG = Logger.getLogger(ParseStep.class);

    /**
     * One parsed mail in both shapes: the event and the thread-state view.
     *
     * @param placed the record is on the partition of the mail's thread bucket (the producer said so with
     *               {@link MailHeaders#THREAD_BUCKET}, and named the bucket thread state derives): thread state can
     *               take it here; otherwise it travels to its bucket's partition first
     */
    record Parsed(MailParsed event, ThreadMessage message, boolean placed) {
    }

    private final MailParser parser = new MailParser();
    private ProcessorContext<String, Routed<Parsed>> context;

    @Override
    public void init(ProcessorContext<String, Routed<Parsed>> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        byte[] raw = record.value() == null ? new byte[0] : record.value();
        String key = record.key() == null ? MessageKey.fromContent(raw) : record.key();
        Headers headers = record.headers();
        try {
            String list = text(headers, MailHeaders.LIST, "unknown");
            // a mail without Message-ID is identified by its key (MailMapping), which ingest derived from its bytes
            ParsedMail mail = parser.parse(raw, receivedAt(headers, record.timestamp()), key);
            MailParsed event = MailMapping.toMailParsed(key, list, text(headers, MailHeaders.SOURCE, "unknown"),
                    text(headers, MailHeaders.SOURCE_POSITION, null), mail);
            ThreadMessage message = MailMapping.toThreadMessage(key, list, mail);
            boolean placed = ThreadBook.bucketKey(message).equals(text(headers, MailHeaders.THREAD_BUCKET, null));
            context.forward(record.withKey(key).withValue(Routed.ok(new Parsed(event, message, placed))));
        } catch (RuntimeException e) {
            DeadLetter letter = DeadLetters.of(Topics.MAIL_RECEIVED, key, STAGE, e, headers, raw);
            LOG.warnf("dead-lettering %s: %s", key, letter.reason());
            context.forward(record.withKey(key).withValue(Routed.dead(letter)));
        }
    }

    /** The ingest time from the header; the record timestamp when the header is missing or unreadable. */
    private static Instant receivedAt(Headers headers, long timestamp) {
        String value = text(headers, MailHeaders.RECEIVED_AT, null);
        if (value != null) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                LOG.debugf("unreadable %s header '%s': using the record timestamp", MailHeaders.RECEIVED_AT, value);
            }
        }
        return Instant.ofEpochMilli(timestamp);
    }

    private static String text(Headers headers, String name, String fallback) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? fallback : new String(h.value(), StandardCharsets.UTF_8);
    }
}
