package org.loredigest.ingest.domain.source;

/** How a source reads a lore inbox. */
public enum SourceType {
    /** public-inbox git epochs cloned and fetched over HTTP(S), e.g. {@code https://lore.kernel.org/linux-mm/0}. */
    GIT,
    /** A local public-inbox mirror directory ({@code DIR/git/N.git}), kept current by another tool. */
    DIR,
    /** lore's HTTP interface: Atom feeds and raw messages to follow, gzipped mbox search exports to backfill. */
    HTTP;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static SourceType of(String id) {
        for (SourceType type : values()) {
            if (type.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
                return type;
            }
        }
        throw new IllegalArgumentException("source type must be git, dir or http, got: " + id);
    }
}
