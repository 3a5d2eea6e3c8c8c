package org.loredigest.ingest.domain.source;

import java.io.IOException;
import java.util.Map;

/** Reads what a source holds beyond a cursor. Implementations are not shared between sources. */
public interface SourceReader {

    /**
     * Fetches what is new at the remote and hands everything after {@code cursor} to {@code out}, in order, moving
     * the cursor with {@link SourceOutput#advance}. Returns early when {@link SourceOutput#stopRequested()}.
     */
    void read(Map<String, String> cursor, SourceOutput out) throws IOException;
}
