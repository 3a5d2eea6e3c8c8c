package org.loredigest.ingest.domain;

import java.io.InputStream;
import java.time.Clock;
import java.util.Iterator;
import java.util.regex.Pattern;
import org.loredigest.events.MailReceived;
import org.loredigest.events.MessageKey;
import org.loredigest.mail.mbox.MboxFormatException;
import org.loredigest.mail.mbox.MboxMessage;
import org.loredigest.mail.mbox.MboxReader;

/**
 * Imports one mbox stream: every message becomes one {@link MailReceived}, every message that cannot be framed a
 * {@link RejectedMail}; the stream is read once, start to end, and the sink is flushed before returning so the
 * result counts only what is durably stored.
 */
public final class MboxImport {

    /** lore list names: lower-case letters, digits, dots, dashes, underscores. */
    private static final Pattern LIST_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private final MailSink sink;
    private final Clock clock;
    private final int maxMessageBytes;

    public MboxImport(MailSink sink, Clock clock, int maxMessageBytes) {
        this.sink = sink;
        this.clock = clock;
        this.maxMessageBytes = maxMessageBytes;
    }

    public static String requireListName(String list) {
        if (list == null || !LIST_NAME.matcher(list).matches()) {
            throw new IllegalArgumentException("list must be a lore list name such as linux-mm (lower-case letters, "
                    + "digits, '.', '-', '_'), got: " + list);
        }
        return list;
    }

    public ImportResult run(InputStream mbox, String list, String source) {
        requireListName(list);
        long started = clock.millis();
        long messages = 0;
        long rejected = 0;
        long bytes = 0;
        MboxReader reader = new MboxReader(mbox, maxMessageBytes);
        Iterator<MboxMessage> it = reader;
        long lastOffset = 0;
        while (true) {
            MboxMessage message;
            try {
                if (!it.hasNext()) {
                    break;
                }
                message = it.next();
            } catch (MboxFormatException e) {
                sink.reject(new RejectedMail(list, source, "after-offset:" + lastOffset, e.getMessage(),
                        clock.instant(), new byte[0]));
                rejected++;
                continue;
            }
            lastOffset = message.offset();
            byte[] raw = message.raw();
            bytes += raw.length;
            String position = "offset:" + message.offset();
            if (raw.length == 0) {
                sink.reject(new RejectedMail(list, source, position, "empty message", clock.instant(), raw));
                rejected++;
                continue;
            }
            String key = MessageKey.of(RawHeaders.first(raw, "Message-ID"), raw);
            sink.accept(new MailReceived(key, list, source, position, clock.instant(), raw));
            messages++;
        }
        sink.flush();
        return new ImportResult(list, source, messages, rejected, bytes, clock.millis() - started);
    }
}
