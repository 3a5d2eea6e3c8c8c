package org.loredigest.ingest.domain.source;

import java.util.Map;
import org.loredigest.events.IngestCheckpoint;

/** Reads the last committed checkpoint of every source. */
public interface CheckpointStore {

    /** Source name to its last committed checkpoint. */
    Map<String, IngestCheckpoint> loadAll();
}
