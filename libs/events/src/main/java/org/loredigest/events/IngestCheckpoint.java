package org.loredigest.events;

import java.time.Instant;
import java.util.Map;

/**
 * How far one ingest source has read. Value of the compacted topic {@link Topics#INGEST_CHECKPOINTS}, keyed by
 * {@link #source()}; written in the same Kafka transaction as the mail it covers, so a checkpoint never runs ahead of
 * (or behind) the records on {@link Topics#MAIL_RECEIVED}. It also carries the source's definition, so a source added
 * at run time survives a restart without local state.
 *
 * @param source       source name, unique per deployment, e.g. {@code linux-mm-git}
 * @param type         {@code git}, {@code dir} or {@code http}
 * @param list         short lore list name the source feeds, e.g. {@code linux-mm}
 * @param url          inbox URL or local mirror directory
 * @param pollInterval ISO-8601 duration between polls, e.g. {@code PT1M}
 * @param origin       {@code config} (application properties) or {@code api} (added through the REST API)
 * @param cursor       source-specific position, e.g. {@code epoch.0 -> commit id} for git
 * @param messages     mail published by this source so far
 * @param committedAt  when this checkpoint was committed
 */
public record IngestCheckpoint(
        String source,
        String type,
        String list,
        String url,
        String pollInterval,
        String origin,
        Map<String, String> cursor,
        long messages,
        Instant committedAt) {

    public IngestCheckpoint {
        cursor = cursor == null ? Map.of() : Map.copyOf(cursor);
    }
}
