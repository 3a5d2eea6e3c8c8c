package org.loredigest.ingest.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.loredigest.events.MailReceived;
import org.loredigest.ingest.domain.dedup.ContentDigest;
import org.loredigest.ingest.domain.dedup.DuplicateFilter;
import org.loredigest.ingest.domain.dedup.RecordKeys;
import org.loredigest.mail.header.RawHeader;

/**
 * One import of local mail (an upload, a file, a maildir): every message becomes a {@link MailReceived} unless it is
 * a copy of mail already published; what cannot become one is rejected with the reason. {@link #finish()} flushes
 * the sink, so the result counts only what is durably stored. Counters may be read from another thread (progress).
 */
public final class ImportSession {

    private final MailSink sink;
    private final Clock clock;
    private final int maxMessageBytes;
    private final DuplicateFilter filter;
    private final String list;
    private final String source;
    private final long started;
    private final Object claimToken = new Object();
    private final List<String> claimed = new ArrayList<>();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    /** @param filter recognises copies of published mail; null publishes everything */
    public ImportSession(MailSink sink, Clock clock, int maxMessageBytes, DuplicateFilter filter, String list,
                         String source) {
        this.sink = sink;
        this.clock = clock;
        this.maxMessageBytes = maxMessageBytes;
        this.filter = filter;
        this.list = MboxImport.requireListName(list);
        this.source = source;
        this.started = clock.millis();
    }

    public void message(byte[] raw, String position) {
        bytes.addAndGet(raw.length);
        if (raw.length == 0) {
            reject(position, "empty message", raw);
            return;
        }
        if (raw.length > maxMessageBytes) {
            reject(position, "message of " + raw.length + " bytes exceeds the limit of " + maxMessageBytes + " bytes",
                    java.util.Arrays.copyOf(raw, 64 * 1024));
            return;
        }
        RawHeader header = RawHeader.scan(raw); // the one scan: key and digest both read it
        String key;
        String digest;
        if (filter == null) {
            key = RecordKeys.of(header);
            digest = ContentDigest.of(header);
        } else {
            DuplicateFilter.Admission admission = filter.admit(header, claimToken);
            if (!admission.isNew()) {
                duplicates.incrementAndGet();
                return;
            }
            key = admission.key();
            digest = admission.digest();
            claimed.add(key);
        }
        sink.accept(new MailReceived(key, list, source, position, clock.instant(), raw), digest);
        messages.incrementAndGet();
    }

    public void reject(String position, String reason, byte[] payload) {
        sink.reject(new RejectedMail(list, source, position, reason, clock.instant(), payload));
        rejected.incrementAndGet();
    }

    /** Flushes the sink; when it fails the claimed keys are released so a retry publishes them. */
    public ImportResult finish() {
        try {
            sink.flush();
        } catch (SinkFailedException e) {
            if (filter != null) {
                filter.release(claimed, claimToken);
            }
            throw e;
        }
        return new ImportResult(list, source, messages.get(), rejected.get(), duplicates.get(), bytes.get(),
                clock.millis() - started);
    }

    public long messages() {
        return messages.get() + duplicates.get() + rejected.get();
    }

    /** Message bytes handled so far. */
    public long bytes() {
        return bytes.get();
    }

    public String source() {
        return source;
    }
}
