package org.loredigest.ingest.domain.files;

import java.io.InputStream;
import java.util.Arrays;
import org.loredigest.mail.mbox.MboxFormatException;
import org.loredigest.mail.mbox.MboxMessage;
import org.loredigest.mail.mbox.MboxReader;

/**
 * Walks an mboxrd stream message by message, reporting framing problems per message and going on. With
 * {@code publicInboxFraming}, the last message loses the empty line public-inbox appends after every message of its
 * exports (the reader already drops it for the others), so exported bytes equal the archived ones.
 */
public final class MboxStream {

    /** Receives the messages and problems of a stream, in order. */
    public interface Handler {
        void message(byte[] raw, long offset);

        void malformed(String reason, long afterOffset);
    }

    private MboxStream() {
    }

    /**
     * Reads the stream to its end.
     *
     * @throws InputLimitException when a decompression limit stops the stream (what was read is handed over)
     * @throws BrokenInputException when the gzip stream is cut short or corrupt (what was read is handed over)
     */
    public static void read(InputStream in, int maxMessageBytes, boolean publicInboxFraming, Handler handler) {
        MboxReader reader = new MboxReader(in, maxMessageBytes);
        MboxMessage held = null;
        long lastOffset = 0;
        while (true) {
            MboxMessage next;
            try {
                if (!reader.hasNext()) {
                    break;
                }
                next = reader.next();
            } catch (MboxFormatException e) {
                if (held != null) {
                    handler.message(held.raw(), held.offset());
                    held = null;
                }
                handler.malformed(e.getMessage(), lastOffset);
                continue;
            } catch (RuntimeException e) {
                // The input stops here (a limit, a broken gzip stream); the held message was complete before that.
                if (held != null) {
                    handler.message(held.raw(), held.offset());
                }
                throw e;
            }
            lastOffset = next.offset();
            if (held != null) {
                handler.message(held.raw(), held.offset());
            }
            held = next;
        }
        if (held != null) {
            byte[] raw = held.raw();
            if (publicInboxFraming && raw.length > 0 && raw[raw.length - 1] == '\n') {
                raw = Arrays.copyOf(raw, raw.length - 1);
            }
            handler.message(raw, held.offset());
        }
    }
}
