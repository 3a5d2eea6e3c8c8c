package org.loredigest.ingest.domain;

/** Records handed to a {@link MailSink} were not stored. */
public class SinkFailedException extends RuntimeException {

    private final long failed;

    public SinkFailedException(long failed, Throwable firstCause) {
        super(failed + " record(s) were not stored; first cause: " + firstCause, firstCause);
        this.failed = failed;
    }

    public long failed() {
        return failed;
    }
}
