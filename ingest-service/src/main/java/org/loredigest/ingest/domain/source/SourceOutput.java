package org.loredigest.ingest.domain.source;

/**
 * Receives what a {@link SourceReader} reads, in source order. A reader reports each mail, then moves the cursor
 * past it with {@link #advance}; the cursor is only stored together with the mail before it.
 */
public interface SourceOutput {

    /** A message as the source holds it; {@code source} names the origin, {@code position} where in it. */
    void mail(byte[] raw, String source, String position);

    /** Something that cannot become a mail (bad framing, too large, over a decompression limit). */
    void rejected(String source, String position, String reason, byte[] payload);

    /** An entry that is deliberately not published, e.g. a deletion in a public-inbox epoch. */
    void skipped(String source, String position, String reason);

    /** Moves the cursor: {@code key} now has {@code value}; the reader's next run starts from the stored cursor. */
    void advance(String key, String value);

    /** How many entries the reader knows are still to be read (the lag behind the remote), or -1 if unknown. */
    void remaining(long entries);

    /** True when the reader should return at the next entry boundary. */
    boolean stopRequested();
}
