package org.loredigest.ingest.domain;

import java.io.InputStream;
import java.time.Clock;
import java.util.regex.Pattern;
import org.loredigest.ingest.domain.dedup.DuplicateFilter;
import org.loredigest.ingest.domain.files.BrokenInputException;
import org.loredigest.ingest.domain.files.InputLimitException;
import org.loredigest.ingest.domain.files.MboxStream;

/**
 * Imports one mbox stream (mboxrd, mboxo, or a single bare message): every message becomes one record, every
 * message that cannot be framed a {@link RejectedMail}; a decompression limit or a broken gzip stream stops the
 * stream with a rejection naming it. The stream is read once, start to end, and the sink is flushed before returning.
 */
public final class MboxImport {

    /** lore list names: lower-case letters, digits, dots, dashes, underscores. */
    private static final Pattern LIST_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private final MailSink sink;
    private final Clock clock;
    private final int maxMessageBytes;
    private final DuplicateFilter filter;

    public MboxImport(MailSink sink, Clock clock, int maxMessageBytes) {
        this(sink, clock, maxMessageBytes, null);
    }

    /** @param filter recognises copies of published mail; null publishes everything */
    public MboxImport(MailSink sink, Clock clock, int maxMessageBytes, DuplicateFilter filter) {
        this.sink = sink;
        this.clock = clock;
        this.maxMessageBytes = maxMessageBytes;
        this.filter = filter;
    }

    public static String requireListName(String list) {
        if (list == null || !LIST_NAME.matcher(list).matches()) {
            throw new IllegalArgumentException("list must be a lore list name such as linux-mm (lower-case letters, "
                    + "digits, '.', '-', '_'), got: " + list);
        }
        return list;
    }

    public ImportResult run(InputStream mbox, String list, String source) {
        ImportSession session = new ImportSession(sink, clock, maxMessageBytes, filter, list, source);
        return run(mbox, session);
    }

    /** Reads {@code mbox} into an open session and finishes it. */
    public ImportResult run(InputStream mbox, ImportSession session) {
        readInto(mbox, session, maxMessageBytes);
        return session.finish();
    }

    /** Reads {@code mbox} into an open session without finishing it (several files in one session). */
    public static void readInto(InputStream mbox, ImportSession session, int maxMessageBytes) {
        try {
            MboxStream.read(mbox, maxMessageBytes, false, new MboxStream.Handler() {
                @Override
                public void message(byte[] raw, long offset) {
                    session.message(raw, "offset:" + offset);
                }

                @Override
                public void malformed(String reason, long afterOffset) {
                    session.reject("after-offset:" + afterOffset, reason, new byte[0]);
                }
            });
        } catch (InputLimitException | BrokenInputException e) {
            session.reject("input", e.getMessage() + "; the rest of the input was not read", new byte[0]);
        }
    }
}
