package org.loredigest.ingest.domain.source;

/** A source, request or redirect the {@link SourcePolicy} does not allow; the message says why and what to set. */
public class SourceRefusedException extends RuntimeException {

    public SourceRefusedException(String message) {
        super(message);
    }
}
