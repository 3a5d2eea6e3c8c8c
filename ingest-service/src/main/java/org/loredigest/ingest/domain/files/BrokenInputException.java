package org.loredigest.ingest.domain.files;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The input is broken beyond the point reached (a gzip stream cut short or corrupt): reading it stops there. An
 * {@link UncheckedIOException}, so callers that retry failed reads (sources) keep doing so; imports dead-letter it.
 */
public class BrokenInputException extends UncheckedIOException {

    public BrokenInputException(String message, IOException cause) {
        super(message, cause);
    }
}
