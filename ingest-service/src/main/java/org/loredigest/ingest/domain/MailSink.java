package org.loredigest.ingest.domain;

import org.loredigest.events.MailReceived;

/** Where imported mail goes. Implementations must not lose a record silently: {@link #flush()} reports failures. */
public interface MailSink {

    /**
     * Hands over one mail; may return before it is durably stored. {@code contentDigest} travels with it (see
     * {@code ContentDigest}).
     */
    void accept(MailReceived mail, String contentDigest);

    /** Hands over something that could not become a mail, with the reason. */
    void reject(RejectedMail rejected);

    /**
     * Blocks until everything handed over is durably stored.
     *
     * @throws SinkFailedException naming how many records failed and the first cause
     */
    void flush();
}
