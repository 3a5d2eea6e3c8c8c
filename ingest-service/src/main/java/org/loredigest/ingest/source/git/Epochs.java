package org.loredigest.ingest.source.git;

import java.io.IOException;
import java.util.List;

/** Where a git source's epochs come from. */
interface Epochs {

    /** Brings the local epochs up to date with the remote and returns them in epoch order. */
    List<Epoch> refresh() throws IOException;
}
