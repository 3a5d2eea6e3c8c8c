package org.loredigest.ingest.domain.dedup;

import java.util.Collection;
import org.loredigest.mail.header.RawHeader;

/**
 * Decides whether a mail goes out as new: its key is its normalised Message-ID; a key already published with the same
 * content is a copy and is skipped; a key already published with other content is a different mail reusing the id,
 * published under its content digest instead so neither overwrites the other.
 */
public final class DuplicateFilter {

    /**
     * @param key     record key to publish under
     * @param digest  content digest (header {@code lore.content-digest})
     * @param isNew   false: a copy of a mail already published; skip it
     */
    public record Admission(String key, String digest, boolean isNew) {
    }

    private final SeenMessages seen;

    public DuplicateFilter(SeenMessages seen) {
        this.seen = seen;
    }

    /** Claims the mail whose header is {@code header} for {@code owner} (a batch token) when it is new. */
    public Admission admit(RawHeader header, Object owner) {
        String digest = ContentDigest.of(header);
        String key = RecordKeys.of(header);
        SeenMessages.Verdict verdict = seen.claim(key, digest, owner);
        if (verdict == SeenMessages.Verdict.COLLISION) {
            key = digest;
            verdict = seen.claim(key, digest, owner);
        }
        return new Admission(key, digest, verdict == SeenMessages.Verdict.NEW);
    }

    /** Undoes the claims of a batch that was not stored. */
    public void release(Collection<String> keys, Object owner) {
        seen.release(keys, owner);
    }
}
